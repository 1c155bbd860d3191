using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>
/// When an agent files, the person the request is for hears of it at the contact the agent gave for them, and can say
/// they did not ask; the answer's addressee follows the profile's rule for agents.
/// </summary>
public sealed partial class AgentRequestTests() : PortalTest
{
    private static Dictionary<string, string> AppointedAgent(string email = "agent@example.jp") => new()
    {
        ["Input.AgentKind"] = "AppointedAgent",
        ["Input.AgentFullName"] = "Taro Dairi",
        ["Input.AgentEmail"] = email,
        ["Input.AgentPostalCode"] = "100-0001",
        ["Input.AgentAddress"] = "Chiyoda 1-1, Tokyo",
    };

    [Fact]
    public async Task ThePerson_IsEmailedAtTheirOwnAddress_FollowsTheirLink_AndSaysTheyDidNotAsk()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["disclosure"], "en", AppointedAgent());

        var (told, link) = filed.Person.LatestNotice(NoticeKind.AgentFiled);
        Assert.Equal("hanako@example.jp", told.Recipient);
        Assert.Equal("agent@example.jp", filed.Person.LatestNotice(NoticeKind.Acknowledgement).Notice.Recipient);
        var personPath = IntakeClient.PathOf(link!);
        Assert.StartsWith("/p/", personPath, StringComparison.Ordinal);
        Assert.NotEqual(filed.StatusUrl.Split('?')[0], personPath);

        // The person's own browser, not the agent's: the page names the company, the request and who made it.
        using var person = new IntakeClient(Factory, "en");
        var (page, status) = await person.GetAsync(personPath);
        Assert.Equal(HttpStatusCode.OK, status);
        var text = Html.Text(page);
        foreach (var expected in new[] { "NTT SmartConnect", filed.Load().Reference!, "Taro Dairi", "An agent the person appointed", "I did not ask for this request" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // Nothing the agent holds leaks to this page: no status link, no contact details of either.
        Assert.DoesNotContain(filed.StatusUrl.Split('?')[0], page, StringComparison.Ordinal);
        Assert.DoesNotContain("agent@example.jp", page, StringComparison.Ordinal);

        using (var said = await person.PostAsync(personPath, IntakeClient.HiddenFields(page)))
        {
            Assert.Equal(HttpStatusCode.Redirect, said.StatusCode);
            Assert.Equal(personPath + "?recorded=1", said.Headers.Location!.OriginalString);
        }

        var (after, _) = await person.GetAsync(personPath + "?recorded=1");
        Assert.Contains("id=\"recorded\"", after, StringComparison.Ordinal);
        Assert.Contains("will not send the answer to the person who made the request", Html.Text(after), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"did-not-ask\"", after, StringComparison.Ordinal);

        // The same form sent again (a replay, a double click) records nothing more.
        using (var again = await person.PostAsync(personPath, IntakeClient.HiddenFields(page)))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var request = filed.Load();
        Assert.NotNull(request.PersonObjectedAtUtc);
        Assert.Single(request.AuditEvents, e => e.Action == "person-objected" && e.Actor == "person");

        // The officer sees it in the queue and first thing on the case, in their language.
        using var officer = await StaffClient.SignInAsync(Factory, "ja", "officer@example.jp", StaffRoles.PrivacyOfficer, ["ntt-smartconnect"]);
        var (queue, _) = await officer.GetAsync("/staff");
        Assert.Contains($"id=\"objected-{request.Reference}\">本人が依頼を否定<", queue, StringComparison.Ordinal);
        var (casePage, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        Assert.Contains("id=\"person-objected\"", casePage, StringComparison.Ordinal);
        Assert.Contains("依頼していないと伝えました", Html.Text(casePage), StringComparison.Ordinal);
        Assert.Contains("本人が依頼していないと回答", Html.Text(casePage), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"record-objection\"", casePage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Give the person's own email address, not the agent's")]
    [InlineData("ja", "代理人のメールアドレスではなく、本人のメールアドレスを入力してください")]
    public async Task AnAppointedAgent_GivingTheirOwnEmailAsThePersons_IsToldToGiveThePersons(string language, string message)
    {
        using var agent = new IntakeClient(Factory, language);
        var fields = await agent.OpenFormAsync("ntt-smartconnect", "disclosure");
        foreach (var (key, value) in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("disclosure")).Concat(AppointedAgent("ＨＡＮＡＫＯ@example.jp")))
        {
            fields[key] = value;
        }

        using var review = await agent.PostAsync("/policies/ntt-smartconnect/file", fields, [new("step", "review")]);

        // The form again, not the review step, with the message linked to the person's email field.
        var page = await review.Content.ReadAsStringAsync();
        Assert.DoesNotContain("value=\"submit\"", page, StringComparison.Ordinal);
        Assert.Contains(message, Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("href=\"#Input-Email\"", page, StringComparison.Ordinal);
        Assert.Equal(0, agent.Query(db => db.Requests.Count()));
    }

    [Fact]
    public async Task AParentUsingTheChildsEmail_IsNotWrittenToTwice()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["disclosure"], "en", new()
        {
            ["Input.AgentKind"] = "LegalRepresentativeOfMinor",
            ["Input.AgentFullName"] = "Taro Yamada",
            ["Input.AgentEmail"] = "hanako@example.jp",
            ["Input.AgentPostalCode"] = "541-0047",
            ["Input.AgentAddress"] = "Osaka",
        });

        var request = filed.Load();
        Assert.Null(request.PersonTokenHash);
        Assert.Contains(request.AuditEvents, e => e.Action == "person-not-told");
        Assert.Equal(0, filed.Person.Query(db => db.Notices.Count(n => n.Kind == NoticeKind.AgentFiled)));
    }

    [Theory]
    [InlineData("/p/htiamA5XRar0k4Zsk6PwZ-R9lAkk8CXlVQvzMheUq0")]
    [InlineData("/p/not-a-token")]
    public async Task AnUnknownPersonLink_SaysItDoesNotWork(string path)
    {
        using var person = new IntakeClient(Factory, "ja");

        var (page, status) = await person.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("このリンクは使えません", Html.Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"did-not-ask\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOfficer_RecordsWhatThePersonToldTheDesk_WithHowTheyToldIt()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["disclosure"], "en", AppointedAgent());
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        var (casePage, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        Assert.Contains("id=\"record-objection\"", casePage, StringComparison.Ordinal);
        Assert.Contains("the person was told of it, and the answer goes to the agent", Html.Text(casePage), StringComparison.Ordinal);

        using (var blank = await officer.ActAsync(filed.Id, "PersonObjection", filed.Load().Version, new() { ["how"] = " " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        }

        using (var recorded = await officer.ActAsync(filed.Id, "PersonObjection", filed.Load().Version, new() { ["how"] = "Phoned the desk on 24 Nov." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var request = filed.Load();
        Assert.NotNull(request.PersonObjectedAtUtc);
        Assert.Single(request.AuditEvents, e => e.Action == "person-objected" && e.Actor == "officer@example.jp" && e.Detail == null && e.Text!.Value == "Phoned the desk on 24 Nov.");

        // Recorded twice from two screens: the second is told, in words, and nothing changes.
        using var late = await officer.ActAsync(filed.Id, "PersonObjection", request.Version, new() { ["how"] = "Again." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("already recorded", Html.Text(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostalRequestFromAnAgent_TellsThePersonByLetterToTheirAddress_AndAddressesTheAgentsLettersForThePerson()
    {
        using var officer = await StaffClient.SignInAsync(Factory, "ja", "officer@netone.example", StaffRoles.PrivacyOfficer, ["netone"]);
        var (form, _) = await officer.GetAsync("/staff/register/netone?types=disclosure");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Channel"] = "Post",
            ["ArrivedOn"] = "2026-11-20",
            ["RequestLanguage"] = "ja",
            ["Input.Types"] = "disclosure",
            ["Input.FullName"] = "郵送 花子",
            ["Input.BirthDate"] = "1970-05-05",
            ["Input.PostalCode"] = "1000001",
            ["Input.Address"] = "東京都千代田区千代田1-1",
            ["Input.Email"] = string.Empty,
            ["Input.AgentKind"] = "AppointedAgent",
            ["Input.AgentFullName"] = "代理 太郎",
            ["Input.AgentEmail"] = "agent@example.jp",
            ["Input.AgentPostalCode"] = "5300001",
            ["Input.AgentAddress"] = "大阪府大阪市北区梅田1-1",
            ["Input.SubmissionKey"] = SubmissionKey().Match(form).Groups[1].Value,
        };
        foreach (var field in RequestFields.For("disclosure").Where(f => f.Required))
        {
            fields[$"Input.Details[disclosure.{field.Id}]"] = field.Kind == FieldKind.Choice ? field.Choices![0].Id : "取引の記録";
        }

        using var registered = await officer.PostFormAsync("/staff/register/netone", fields, "/staff/register/netone?types=disclosure");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var id = Guid.Parse(registered.Headers.Location!.OriginalString.Split('/', '?')[3]);

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.PortalDbContext>();
        var request = await db.Requests.Include(r => r.Letters).Include(r => r.Items).AsSplitQuery().SingleAsync(r => r.Id == id);
        var toPerson = Assert.Single(request.Letters, l => l.ToPerson);
        Assert.Equal(NoticeKind.AgentFiled, toPerson.Subject);
        var acknowledgement = Assert.Single(request.Letters, l => l.Kind == LetterKind.Acknowledgement);

        var printing = scope.ServiceProvider.GetRequiredService<LetterPrinting>();
        var personHtml = await printing.HtmlAsync(request, toPerson, CancellationToken.None);
        var agentHtml = await printing.HtmlAsync(request, acknowledgement, CancellationToken.None);
        var personLetter = Html.Text(personHtml);
        var agentLetter = Html.Text(agentHtml);

        // The person's letter: addressed and windowed to the person, naming the agent and what they asked.
        Assert.Contains("<address>〒100-0001<br>東京都千代田区千代田1-1<br>郵送 花子 様</address>", personHtml, StringComparison.Ordinal);
        Assert.Contains("代理 太郎（任意代理人）", personLetter, StringComparison.Ordinal);
        Assert.Contains("依頼した覚えがない場合は", personLetter, StringComparison.Ordinal);
        Assert.DoesNotContain("梅田", personLetter, StringComparison.Ordinal);
        // The agent's acknowledgement goes by email (no address window) and greets the agent for the person.
        Assert.Contains("代理 太郎 様（郵送 花子 様の代理人）", agentLetter, StringComparison.Ordinal);
        Assert.DoesNotContain("<address>", agentHtml, StringComparison.Ordinal);

        // Printed, the person's letter waits in the post tray marked for the person; the acknowledgement does not.
        Assert.Equal((2, 0), await printing.RunOnceAsync(CancellationToken.None));
        var (casePage, _) = await officer.GetAsync($"/staff/cases/{id}");
        Assert.Contains($"id=\"posted-{toPerson.Id}\"", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"posted-{acknowledgement.Id}\"", casePage, StringComparison.Ordinal);
        Assert.Contains("本人宛", Html.Text(casePage), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The answer goes to the representative or agent who filed.", "(The policy does not say; this is the portal's rule.)")]
    [InlineData("ja", "回答は、請求した代理人に送られます。", "方針には記載がないため")]
    public async Task EveryProcedurePage_SaysWhoGetsTheAnswerWhenAnAgentFiles(string language, string rule, string unpublished)
    {
        using var person = new IntakeClient(Factory, language);
        foreach (var policy in new[] { "nec-website", "nec-univerge-st500", "netone", "ntt-resonant", "ntt-smartconnect" })
        {
            var (page, status) = await person.GetAsync($"/policies/{policy}");
            Assert.Equal(HttpStatusCode.OK, status);
            var answer = AgentAnswer().Match(page);
            Assert.True(answer.Success, policy);
            Assert.Contains(rule, Html.Text(answer.Value), StringComparison.Ordinal);
            Assert.Contains(unpublished, Html.Text(answer.Value), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex("<p id=\"agent-answer\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex AgentAnswer();
}
