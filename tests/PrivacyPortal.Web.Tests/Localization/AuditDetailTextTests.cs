using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Web.Localization;

namespace PrivacyPortal.Web.Tests.Localization;

/// <summary>An audit event's detail on a staff page: the reader's words for a typed detail, the stored words otherwise, never an error.</summary>
public sealed class AuditDetailTextTests
{
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer Text = new JsonStringLocalizerFactory().Create(typeof(AuditDetailTextTests));

    [Fact]
    public void ATypedDetail_IsWrittenInTheReadersLanguage_WithNamesInWordsAndOtherValuesAsStored()
    {
        var registered = AuditDetail.Of("registered", "Post", new DateOnly(2026, 11, 21), "disclosure,correction").ToJson();
        var grounds = AuditDetail.Of("outcome-grounds", "Refused", "appi-33-2-2,appi-33-2-3").ToJson();
        var acknowledgement = AuditDetail.Of("notice", "Acknowledgement", "<m@privacyportal>").ToJson();

        using (Languages.Use("ja"))
        {
            Assert.Equal("郵送で2026-11-21に到達、請求の種類：開示、訂正・追加・削除", AuditDetailText.Detail(registered, Text));
            // Codes the catalogue does not name (statutory grounds) stay as they are, list and all.
            Assert.EndsWith("根拠：appi-33-2-2,appi-33-2-3", AuditDetailText.Detail(grounds, Text), StringComparison.Ordinal);
        }

        using (Languages.Use("en"))
        {
            Assert.StartsWith("Arrived by post on 2026-11-21; request types: Disclosure", AuditDetailText.Detail(registered, Text), StringComparison.OrdinalIgnoreCase);
            // A notice event names the notice, not the letter of the same name.
            Assert.StartsWith(Text["Notice.Kind.Acknowledgement"].Value, AuditDetailText.Detail(acknowledgement, Text), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("paid on 2026-11-24")]
    [InlineData("{\"code\":\"item-decided-method\",\"values\":[\"disclosure\"]}")]
    [InlineData("{\"code\":\"no-such-detail\",\"values\":[]}")]
    [InlineData("{\"code\":\"sha256\",\"values\":[null]}")]
    public void ProseFromBefore_AndDetailsThatDoNotFitTheirText_AreShownAsStored(string stored) =>
        Assert.Equal(stored, AuditDetailText.Detail(stored, Text));
}
