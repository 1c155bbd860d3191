using System.Net;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>A language chosen with ?lang= (a link in a Japanese email, a bookmark) stays for the rest of the visit: every step of filing.</summary>
public sealed class LanguageChoiceTests : PortalTest
{
    [Fact]
    public async Task ALanguageChosenByLink_StaysThroughReviewSubmitAndTheNextPage_OverTheBrowsersLanguage()
    {
        using var person = new IntakeClient(Factory, "en");
        var (form, status) = await person.GetAsync("/policies/ntt-smartconnect/file?types=disclosure&lang=ja");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"ja\"", form, StringComparison.Ordinal);

        var fields = IntakeClient.HiddenFields(form);
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("disclosure")))
        {
            fields[pair.Key] = pair.Value;
        }

        using var review = await person.PostAsync("/policies/ntt-smartconnect/file", fields, [new("step", "review")]);
        var reviewHtml = await review.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ja\"", reviewHtml, StringComparison.Ordinal);

        using var submit = await person.PostAsync("/policies/ntt-smartconnect/file", IntakeClient.HiddenFields(reviewHtml), [new("step", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var (next, _) = await person.GetAsync(submit.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"ja\"", next, StringComparison.Ordinal);
        var (home, _) = await person.GetAsync("/");
        Assert.Contains("<html lang=\"ja\"", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?lang=ja", "en", "/")]
    [InlineData("/policies/ntt-smartconnect?lang=ja", "en", "/policies/ntt-smartconnect")]
    [InlineData("/policies/ntt-smartconnect/file?types=disclosure&lang=ja&types=correction", "en", "/policies/ntt-smartconnect/file?types=disclosure&types=correction")]
    [InlineData("/directory?LANG=en", "ja", "/directory")]
    public async Task TheSwitch_FromAPageALinkPutInOneLanguage_ComesBackInTheOther(string page, string other, string back)
    {
        using var person = new IntakeClient(Factory, "en");
        var (first, _) = await person.GetAsync(page);
        Assert.Contains($"<html lang=\"{(other == "en" ? "ja" : "en")}\"", first, StringComparison.Ordinal);

        using var switched = await person.SendGetAsync($"/language/{other}?returnUrl={Uri.EscapeDataString(page)}");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(back, switched.Headers.Location!.OriginalString);
        var (after, status) = await person.GetAsync(back);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<html lang=\"{other}\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownLanguageInTheLink_ChangesNothing()
    {
        using var person = new IntakeClient(Factory, "en");

        var (first, _) = await person.GetAsync("/?lang=xx");
        var (home, _) = await person.GetAsync("/");

        Assert.Contains("<html lang=\"en\"", first, StringComparison.Ordinal);

        Assert.Contains("<html lang=\"en\"", home, StringComparison.Ordinal);
    }
}
