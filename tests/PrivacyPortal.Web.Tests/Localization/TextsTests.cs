using System.Text.RegularExpressions;
using PrivacyPortal.Web.Localization;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Localization;

public sealed partial class TextsTests
{
    [GeneratedRegex("""T\["([A-Za-z0-9.\-]+)"[,\]]""")]
    private static partial Regex LiteralKey();

    [Fact]
    public void JapaneseAndEnglish_HaveTheSameKeys()
    {
        var texts = JsonStringLocalizerFactory.LoadAll();

        Assert.Equal(texts["en"].Keys.Order(StringComparer.Ordinal), texts["ja"].Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryKeyAPageUses_Exists()
    {
        var known = JsonStringLocalizerFactory.LoadAll()["en"];
        var pages = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "PrivacyPortal.Web"), "*.cshtml", SearchOption.AllDirectories);
        var used = pages.SelectMany(p => LiteralKey().Matches(File.ReadAllText(p)).Select(m => (Page: Path.GetFileName(p), Key: m.Groups[1].Value))).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(known.ContainsKey(u.Key), $"{u.Page} uses missing key {u.Key}"));
    }

    [GeneratedRegex("""text\["([A-Za-z0-9.\-]+)"[,\]]""")]
    private static partial Regex CodeKey();

    // Codes of rules a screen explains: new DomainException("fee.none", ...), and the actions on the timeline.
    [GeneratedRegex("""DomainException\("([a-z]+\.[a-z\-]+)",""")]
    private static partial Regex RuleCode();

    [GeneratedRegex(@"(?:Record\(nowUtc, [A-Za-z""]+, |Changed\(rules, nowUtc, actor, |""system"", )""([a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex TimelineAction();

    private static IEnumerable<string> Sources(string project) =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void EveryKeyTheCodeUses_AndEveryRuleAndTimelineAction_HasAText()
    {
        var known = JsonStringLocalizerFactory.LoadAll()["en"];
        var code = Sources("PrivacyPortal.Web").SelectMany(p => CodeKey().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value)).ToList();
        var domainAndInfrastructure = Sources("PrivacyPortal.Domain").Concat(Sources("PrivacyPortal.Infrastructure")).Select(File.ReadAllText).ToList();
        var rules = domainAndInfrastructure.SelectMany(t => RuleCode().Matches(t).Select(m => "Rule." + m.Groups[1].Value)).Distinct().ToList();
        var actions = domainAndInfrastructure.SelectMany(t => TimelineAction().Matches(t).Select(m => "Staff.Action." + m.Groups[1].Value)).Distinct().ToList();

        Assert.NotEmpty(code);
        Assert.Contains("Rule.fee.none", rules);
        Assert.Contains("Staff.Action.decided", actions);
        Assert.Contains("Staff.Action.notice-sent", actions);
        Assert.All(code.Concat(rules).Concat(actions), key => Assert.True(known.ContainsKey(key), $"missing text {key}"));
    }

    [Fact]
    public void EveryValueAStaffPageNamesByEnum_HasAText()
    {
        var known = JsonStringLocalizerFactory.LoadAll()["en"];
        IEnumerable<string> Keys<TEnum>(string prefix)
            where TEnum : struct, Enum => Enum.GetNames<TEnum>().Select(n => prefix + n);

        var keys = Keys<Domain.Requests.RequestStatus>("Staff.Status.")
            .Concat(Keys<Web.Staff.DueBadge>("Staff.Badge."))
            .Concat(Keys<Domain.Deadlines.PauseReason>("Staff.Pause."))
            .Concat(Keys<Domain.Requests.AgentKind>("Staff.AgentKind."))
            .Concat(Keys<Domain.Requests.DocumentParty>("Staff.Party."))
            .Concat(Keys<Domain.Requests.FeeStatus>("Staff.FeeStatus."))
            .Concat(Keys<Domain.Requests.DecisionOutcome>("Staff.Outcome."))
            .Concat(Keys<Domain.Requests.DecisionOutcome>("Outcome."))
            .Concat(Keys<Domain.Requests.LetterKind>("Letter."))
            .Concat(Keys<Domain.Notices.NoticeKind>("Notice.Kind."))
            .Concat(Keys<Domain.Deadlines.PauseReason>("Deadline.Waiting."))
            .Concat(Keys<Domain.Fees.FeeOutcome>("Fee.").Where(k => k != "Fee.Charged"))
            .Concat(Keys<Domain.Deadlines.StepKind>("Deadline.Step.").Where(k => k != "Deadline.Step.Months"))
            .Concat(Infrastructure.Staff.StaffRoles.All.Select(r => "Staff.Role." + r));

        Assert.All(keys, key => Assert.True(known.ContainsKey(key), $"missing text {key}"));
    }

    [Fact]
    public void EveryNoticeKind_HasAnEmailSubjectAndBody() =>
        Assert.All(
            Enum.GetNames<Domain.Notices.NoticeKind>().SelectMany(kind => new[] { $"Email.{kind}.Subject", $"Email.{kind}.Body" }),
            key => Assert.True(JsonStringLocalizerFactory.LoadAll()["en"].ContainsKey(key), $"missing text {key}"));

    // A literal key the domain, emails, letters and jobs look up: LocalizedText.Catalogued("..."), TextCatalogue.Text(language, "...").
    [GeneratedRegex(@"(?:LocalizedText\.Catalogued\(|TextCatalogue\.(?:Text|Format)\([^,()]+, |Format\.T\()""([A-Za-z0-9.\-]*[A-Za-z0-9])""")]
    private static partial Regex CatalogueKey();

    [Fact]
    public void EveryKeyTheDomainEmailsAndLettersUse_Exists()
    {
        var known = JsonStringLocalizerFactory.LoadAll()["en"];
        var sources = Sources("PrivacyPortal.Domain").Concat(Sources("PrivacyPortal.Infrastructure"))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "PrivacyPortal.Infrastructure", "Letters"), "*.razor"));
        var used = sources.SelectMany(p => CatalogueKey().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value)).Distinct().ToList();

        Assert.Contains("RequestType.disclosure.Name", used);
        Assert.Contains("Letter.Fee.PayBy", used);
        Assert.Contains("Email.FeeDue.PayTo", used);
        Assert.All(used, key => Assert.True(known.ContainsKey(key), $"missing text {key}"));
    }

    // The administration trail's actions: the quoted codes on the lines that write an administration event.
    [GeneratedRegex(@"""([a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex Quoted();

    [Fact]
    public void EveryAdministrationAction_HasAText()
    {
        var known = JsonStringLocalizerFactory.LoadAll()["en"];
        string[] notActions = ["anonymous", "system", "authenticator"];
        var lines = Sources("PrivacyPortal.Web").Concat(Sources("PrivacyPortal.Infrastructure")).SelectMany(File.ReadAllLines)
            .Where(l => l.Contains("accounts.Record", StringComparison.Ordinal) || l.Contains("AdminAuditEvent {", StringComparison.Ordinal)
                || l.Contains(" Record(actor, ", StringComparison.Ordinal) || l.Contains("exports.RecordAsync(", StringComparison.Ordinal)
                || l.Contains("await RecordAsync(actor, ", StringComparison.Ordinal));
        var actions = lines.SelectMany(l => Quoted().Matches(l).Select(m => m.Groups[1].Value))
            .Where(a => !notActions.Contains(a) && !a.StartsWith("FY", StringComparison.Ordinal))
            .Distinct().ToList();

        Assert.Contains("staff-created", actions);
        Assert.Contains("sign-in-code-failed", actions);
        Assert.Contains("exported", actions);
        Assert.All(actions, a => Assert.True(known.ContainsKey("Staff.AdminAction." + a), $"missing text Staff.AdminAction.{a}"));
    }

    // A number with a unit of time or size: the limits and periods the code defines are filled in, never retyped.
    [GeneratedRegex(@"\d+\s*(?:時間|分|か月|週間|(?<!月\d*)日|MB|hours?\b|minutes?\b|months?\b|weeks?\b|days?\b|files\b)")]
    private static partial Regex RetypedLimit();

    [Fact]
    public void NoText_RetypesAPeriodOrLimitTheCodeDefines()
    {
        // The statute's own periods, quoted as the law words them (GDPR Art. 12(3), (4): one month; APPI Art. 39(1):
        // two weeks), the daily cadence of checkpoints, and the age identity practice accepts for a residence certificate
        // (issued within three months) are words, not settings.
        string[] quoted = ["1か月", "2週間", "1日1回", "発行から3か月以内", "issued within 3 months"];
        var texts = JsonStringLocalizerFactory.LoadAll();
        var retyped = texts.SelectMany(language => language.Value
                .Where(pair => RetypedLimit().IsMatch(quoted.Aggregate(pair.Value, (text, phrase) => text.Replace(phrase, string.Empty, StringComparison.Ordinal))))
                .Select(pair => $"{language.Key} {pair.Key}: {pair.Value}"))
            .ToList();

        Assert.NotEmpty(texts["ja"]);
        Assert.Empty(retyped);
    }

    [Fact]
    public void NoJapaneseText_IsLeftEmpty() =>
        Assert.All(JsonStringLocalizerFactory.LoadAll()["ja"], pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
}
