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
}
