using System.Net;
using System.Net.Http.Headers;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Pages;

/// <summary>The public pages over real HTTP, in both languages.</summary>
public sealed class PublicPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> PolicyIds => ["nec-univerge-st500", "nec-website", "netone", "ntt-resonant", "ntt-smartconnect"];

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(string url, string language = "en")
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, Html.Text(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("en", "Ask a company about the personal data it holds on you")]
    [InlineData("ja", "会社が保有するあなたの個人情報について請求する")]
    [InlineData("ja-JP", "会社が保有するあなたの個人情報について請求する")]
    [InlineData("fr", "Ask a company about the personal data it holds on you")]
    public async Task TheHomePage_SpeaksTheVisitorsLanguage_JapaneseForJapaneseVisitors(string acceptLanguage, string heading)
    {
        var (status, text) = await GetAsync("/", acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(heading, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDirectory_ListsAllFivePolicies()
    {
        var (status, text) = await GetAsync("/directory");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("5 policies found.", text, StringComparison.Ordinal);
        foreach (var name in new[] { "NEC Corporation", "Net One Systems Co., Ltd.", "NTT Resonant Incorporated", "NTT SmartConnect Corporation" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("smartconnect", "1 policies found.")]
    [InlineData("%E6%97%A5%E6%9C%AC%E9%9B%BB%E6%B0%97", "2 policies found.")]
    [InlineData("zzzz", "No company matches your search.")]
    [InlineData("NEC", "2 policies found.")]
    [InlineData("ntt-smartconnect", "1 policies found.")]
    [InlineData("ＮＥＴＯＮＥ", "1 policies found.")]
    public async Task TheDirectory_Searches(string query, string expected)
    {
        var (_, text) = await GetAsync($"/directory?q={query}");

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    /// <summary>People look companies up by Japanese name, katakana reading and romaji; a word is matched from its start, so NEC is not inside SmartConnect.</summary>
    [Theory]
    [InlineData("ネットワン", "netone")]
    [InlineData("スマートコネクト", "ntt-smartconnect")]
    [InlineData("レゾナント", "ntt-resonant")]
    [InlineData("エヌイーシー", "nec-website")]
    [InlineData("nippon denki", "nec-website")]
    [InlineData("ネットワンシステムズ株式会社", "netone")]
    [InlineData("NEC", "nec-univerge-st500")]
    public async Task TheDirectory_FindsACompany_ByItsJapaneseNameAndReading(string query, string policy)
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri($"/directory?q={Uri.EscapeDataString(query)}", UriKind.Relative));

        Assert.Contains($"href=\"/policies/{policy}\"", html, StringComparison.Ordinal);
        if (query == "NEC")
        {
            Assert.DoesNotContain("href=\"/policies/ntt-smartconnect\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ATooLongSearch_KeepsTheTextAndSaysWhatIsWrong_InTheSummaryAndByTheField()
    {
        var query = new string('a', 101);
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri($"/directory?q={query}", UriKind.Relative));

        Assert.Contains($"value=\"{query}\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"q-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Enter at most 100 characters to search.", Html.Text(html), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public async Task EveryProcedurePage_ServesInBothLanguages(string policyId)
    {
        var (enStatus, en) = await GetAsync($"/policies/{policyId}", "en");
        var (jaStatus, ja) = await GetAsync($"/policies/{policyId}", "ja");

        Assert.Equal(HttpStatusCode.OK, enStatus);
        Assert.Equal(HttpStatusCode.OK, jaStatus);
        Assert.Contains("Requests you can make", en, StringComparison.Ordinal);
        Assert.Contains("請求できること", ja, StringComparison.Ordinal);
        Assert.Contains("Proving who you are", en, StringComparison.Ordinal);
        Assert.Contains("How long an answer should take", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NttSmartConnect_ShowsItsFee_Desk_Documents_AndComplaintBody()
    {
        var (_, text) = await GetAsync("/policies/ntt-smartconnect");

        Assert.Contains("Disclosure (APPI Art. 33) Ask for a copy of the personal data the company holds about you, electronically or on paper. Named in the company's policy. 1,100 yen including tax (1,000 yen + 10% consumption tax)", text, StringComparison.Ordinal);
        Assert.Contains("Correction, addition or deletion (APPI Art. 34) Ask the company to correct, add to or delete data that is not true. Named in the company's policy. Free", text, StringComparison.Ordinal);
        Assert.Contains("kojin@nttsmc.com", text, StringComparison.Ordinal);
        Assert.Contains("06-6147-5095", text, StringComparison.Ordinal);
        Assert.Contains("Others: enclose postage stamps for the amount with the request form", text, StringComparison.Ordinal);
        Assert.Contains("The request is treated as never made.", text, StringComparison.Ordinal);
        Assert.Contains("Never send the back, which carries the Individual Number.", text, StringComparison.Ordinal);
        Assert.Contains("Letter of authorization with the registered seal affixed", text, StringComparison.Ordinal);
        Assert.Contains("JIPDEC", text, StringComparison.Ordinal);
        Assert.Contains("an answer within 14 days of receiving your request", text, StringComparison.Ordinal);
        Assert.Contains("APPI Art. 39", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NttSmartConnect_InJapanese_ShowsTheFeeInYen()
    {
        var (_, text) = await GetAsync("/policies/ntt-smartconnect", "ja");

        Assert.Contains("1,100円（税込。本体1,000円＋消費税10%）", text, StringComparison.Ordinal);
        Assert.Contains("無料", text, StringComparison.Ordinal);
        Assert.Contains("個人情報保護法第39条", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetOne_SaysTheFeeAmountIsNotPublished_AndNamesJipdec()
    {
        var (_, text) = await GetAsync("/policies/netone");

        Assert.Contains("A fee may be charged; the amount is not published", text, StringComparison.Ordinal);
        Assert.Contains("The policy does not list which identity documents it accepts.", text, StringComparison.Ordinal);
        Assert.Contains("Personal Information Protection Complaint Consultation Office", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1,100", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NecUniverge_ShowsGdprTimingAndTheDeskOfEachLanguageVersion()
    {
        var (_, en) = await GetAsync("/policies/nec-univerge-st500", "en");
        var (_, ja) = await GetAsync("/policies/nec-univerge-st500", "ja");

        Assert.Contains("at the latest within one month of receipt", en, StringComparison.Ordinal);
        Assert.Contains("Attn: Contracts Management", en, StringComparison.Ordinal);
        Assert.Contains("UNIVERGEインフォメーションセンター", ja, StringComparison.Ordinal);
        Assert.Contains("supervisory authority of your country or region", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NttResonant_ShowsItsRetentionRuleAndForms()
    {
        var (_, text) = await GetAsync("/policies/ntt-resonant");

        Assert.Contains("kept for 1 year(s) from the end of the fiscal year (starting in month 4)", text, StringComparison.Ordinal);
        Assert.Contains("Form 1-1 Disclosure Request", text, StringComparison.Ordinal);
        Assert.Contains("The policy does not name a complaint body.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestTypePage_ExplainsThatRequest()
    {
        var (status, text) = await GetAsync("/policies/ntt-smartconnect/requests/correction");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Correction, addition or deletion — NTT SmartConnect Corporation", text, StringComparison.Ordinal);
        Assert.Contains("Fee Free", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPolicy_GetsAHelpful404()
    {
        var (status, text) = await GetAsync("/policies/no-such-company");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("We could not find that page or company.", text, StringComparison.Ordinal);
        Assert.Contains("Go to the list of companies", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("access", "Its policy does not accept: Access")]
    [InlineData("nonsense", "We do not know that kind of request.")]
    public async Task ARequestTypeThePolicyDoesNotAccept_GetsA404ListingWhatItDoes(string type, string message)
    {
        var (status, text) = await GetAsync($"/policies/netone/requests/{type}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.Contains("Requests this company accepts", text, StringComparison.Ordinal);
        Assert.Contains("Suspension of use or erasure", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLanguageSwitch_RemembersTheChoice_AndReturnsToTheSamePage()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/language/ja?returnUrl=%2Fpolicies%2Fnetone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/policies/netone", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("c%3Dja%7Cuic%3Dja", cookie, StringComparison.Ordinal);

        using var followUp = new HttpRequestMessage(HttpMethod.Get, "/policies/netone");
        followUp.Headers.Add("Cookie", cookie.Split(';')[0]);
        followUp.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        using var page = await client.SendAsync(followUp);
        Assert.Contains("請求できること", Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%2Fevil.example")]
    public async Task TheLanguageSwitch_NeverRedirectsOffSite(string returnUrl)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri($"/language/en?returnUrl={returnUrl}", UriKind.Relative));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("en", "Page not found")]
    [InlineData("ja", "ページが見つかりません")]
    public async Task TheErrorPage_VisitedDirectly_IsNotFound_NotAServerFault(string language, string title)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new(language));

        using var get = await client.GetAsync(new Uri("/error", UriKind.Relative));
        using var post = await client.PostAsync(new Uri("/error", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains(title, Html.Text(await get.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesCarrySecurityHeaders_AndAreWorkableWithoutScripts()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/policies/netone", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        // The portal's own pages post forms: only served files are sandboxed.
        Assert.DoesNotContain("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishOnlyPolicyText_OnAJapanesePage_IsMarkedAsEnglish()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja"));
        var html = await client.GetStringAsync(new Uri("/policies/netone", UriKind.Relative));

        Assert.Contains("<span lang=\"en\">Personal Information Contact Desk, Net One Systems Co., Ltd.</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProcedurePage_WorksTheDatesOutForARequestArrivingToday_InTokyo()
    {
        var (_, en) = await GetAsync("/policies/ntt-smartconnect", "en");
        var (_, ja) = await GetAsync("/policies/ntt-smartconnect", "ja");

        Assert.Contains("Worked example: a request that reaches the company on 24 November 2026", en, StringComparison.Ordinal);
        Assert.Contains("Company's target 8 December 2026 Received 2026-11-24; internal target 14 days; target date 2026-12-08; send by 2026-12-08", en, StringComparison.Ordinal);
        Assert.Contains("Earliest day to sue (APPI Art. 39) 9 December 2026", en, StringComparison.Ordinal);
        Assert.Contains("計算例：2026年11月24日に会社に請求が届いた場合", ja, StringComparison.Ordinal);
        Assert.Contains("2026年11月24日受付、社内目標14日、回答予定日2026年12月8日、発送予定日2026年12月8日。", ja, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGdprPolicy_ShowsTheOneMonthDate()
    {
        var (_, en) = await GetAsync("/policies/nec-website", "en");

        Assert.Contains("Answer due (GDPR) 24 December 2026 Received 2026-11-24; day of receipt not counted; one month: 2026-12-24; due 2026-12-24", en, StringComparison.Ordinal);
    }
}
