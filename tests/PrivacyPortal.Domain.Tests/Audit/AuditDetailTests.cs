using PrivacyPortal.Domain.Audit;

namespace PrivacyPortal.Domain.Tests.Audit;

public sealed class AuditDetailTests
{
    [Fact]
    public void ADetail_IsStoredAsACodeWithInvariantValues_AndReadBack()
    {
        var detail = AuditDetail.Of("fee-set", 1100L, "JPY", new DateOnly(2026, 12, 8), null, 1.5m);

        var stored = detail.ToJson();

        Assert.Equal("""{"code":"fee-set","values":["1100","JPY","2026-12-08","-","1.5"]}""", stored);
        Assert.Equal(detail, AuditDetail.Parse(stored), AuditDetailComparer.Instance);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("paid on 2026-11-24")]
    [InlineData("by email")]
    [InlineData("{\"code\":")]
    [InlineData("{\"code\":\"\",\"values\":[]}")]
    public void ProseWrittenBeforeDetailsWereTyped_AndBrokenJson_AreNotADetail(string? stored) =>
        Assert.Null(AuditDetail.Parse(stored));

    [Fact]
    public void ALongValue_IsShortened_SoTheEventStillFits_AndJapaneseIsKeptAsWritten()
    {
        var error = new string('"', 300) + new string('印', 400);

        var stored = AuditDetail.Of("letter-failed", error).ToJson();

        Assert.True(stored.Length <= AuditEvent.MaxDetailLength, $"{stored.Length} characters");
        Assert.Contains("印印印", stored, StringComparison.Ordinal);
        Assert.EndsWith("…", AuditDetail.Parse(stored)!.Values[0], StringComparison.Ordinal);
    }
}
