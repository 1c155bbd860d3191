using System.Net;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>What a person types is made plain before it is checked and kept, and all of it is shown back: on the review page and on the case.</summary>
public sealed class WhatWasTypedTests() : PortalTest
{
    [Fact]
    public async Task FullWidthEmailDigitsAndPostalCode_AreAccepted_AndStoredPlain_WhileThePhoneIsKeptAsTyped()
    {
        using var person = new IntakeClient(Factory, "ja");

        await person.FileAsync("ntt-smartconnect", ["disclosure"], new()
        {
            ["Input.Email"] = "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ",
            ["Input.PostalCode"] = "５４１００４７",
            ["Input.BirthDate"] = "１９８５-０４-０１",
            ["Input.Phone"] = "０６－１２３４－５６７８",
        });

        var requester = person.Query(db => db.Requests.AsNoTracking().Single()).Requester;
        Assert.Equal(("hanako@example.jp", "541-0047", new DateOnly(1985, 4, 1)), (requester.Email, requester.PostalCode, requester.BirthDate));
        Assert.Equal("０６－１２３４－５６７８", requester.Phone);
        Assert.Equal("hanako@example.jp", person.Query(db => db.Notices.AsNoTracking().Single()).Recipient);
    }

    [Theory]
    [InlineData("０６－ＡＢＣＤ")]
    [InlineData("phone")]
    public async Task APhoneThatIsNotDigits_IsRefused_EvenFullWidth(string phone)
    {
        using var person = new IntakeClient(Factory, "en");
        var fields = await person.OpenFormAsync("ntt-smartconnect", "disclosure");
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("disclosure")))
        {
            fields[pair.Key] = pair.Value;
        }

        fields["Input.Phone"] = phone;
        using var review = await person.PostAsync("/policies/ntt-smartconnect/file", fields, [new("step", "review")]);

        Assert.Contains("href=\"#Input-Phone\"", await review.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EverythingTyped_IsOnTheReviewPage_AndOnTheCase()
    {
        using var person = new IntakeClient(Factory, "en");
        var fields = await person.OpenFormAsync("ntt-smartconnect", "disclosure");
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("disclosure")))
        {
            fields[pair.Key] = pair.Value;
        }

        fields["Input.Relationship"] = "Former member";
        fields["Input.AgentKind"] = "AppointedAgent";
        fields["Input.AgentFullName"] = "Taro Dairi";
        fields["Input.AgentEmail"] = "agent@example.jp";
        fields["Input.AgentPhone"] = "03-0000-1111";
        fields["Input.AgentPostalCode"] = "1000001";
        fields["Input.AgentAddress"] = "Chiyoda 1-1, Tokyo";
        using var review = await person.PostAsync("/policies/ntt-smartconnect/file", fields, [new("step", "review")]);
        var page = Html.Text(await review.Content.ReadAsStringAsync());

        foreach (var typed in new[] { "C-1001", "Former member", "Taro Dairi", "agent@example.jp", "03-0000-1111", "〒100-0001 Chiyoda 1-1, Tokyo", "〒541-0047" })
        {
            Assert.Contains(typed, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheCase_ShowsTheCustomerNumber_TheRelationship_AndTheAgentsAddressWhenRevealed()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["disclosure"], "en", new()
        {
            ["Input.Relationship"] = "Former member",
            ["Input.AgentKind"] = "AppointedAgent",
            ["Input.AgentFullName"] = "Taro Dairi",
            ["Input.AgentEmail"] = "agent@example.jp",
            ["Input.AgentPostalCode"] = "100-0001",
            ["Input.AgentAddress"] = "Chiyoda 1-1, Tokyo",
        });
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");

        var (masked, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        var (revealed, status) = await officer.GetAsync($"/staff/cases/{filed.Id}?reveal=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("C-1001", Html.Text(masked), StringComparison.Ordinal);
        Assert.Contains("Former member", Html.Text(masked), StringComparison.Ordinal);
        Assert.DoesNotContain("Chiyoda 1-1, Tokyo", Html.Text(masked), StringComparison.Ordinal);
        Assert.Contains("〒100-0001 Chiyoda 1-1, Tokyo", Html.Text(revealed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Choose at least one kind of request.")]
    [InlineData("ja", "請求の種類")]
    public async Task StepOne_WithNothingChosen_SaysSo_AndMarksTheGroup(string language, string message)
    {
        using var person = new IntakeClient(Factory, language);

        var (page, status) = await person.GetAsync("/policies/netone/file?step=types");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"#types\"", page, StringComparison.Ordinal);
        Assert.Contains(message, Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"types-error\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        // A first visit is not an error.
        Assert.DoesNotContain("error-summary", (await person.GetAsync("/policies/netone/file")).Html, StringComparison.Ordinal);
    }
}
