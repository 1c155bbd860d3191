using System.Text.RegularExpressions;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Verification;

namespace PrivacyPortal.Domain.Controllers;

/// <summary>
/// The rules a procedure profile must follow before the portal serves it. Shape problems and legal problems are
/// reported the same way: the field and a sentence saying what is wrong.
/// </summary>
public static partial class ProfileRules
{
    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(StringComparer.Ordinal) { "mail", "email", "web-form", "in-person" };
    public static readonly IReadOnlySet<string> ComplaintKinds = new HashSet<string>(StringComparer.Ordinal) { "accredited-organisation", "supervisory-authority" };
    public static readonly IReadOnlySet<string> RetentionStarts = new HashSet<string>(StringComparer.Ordinal) { "fiscal-year-of-completion", "completion-date" };
    public static readonly IReadOnlySet<string> UnpaidConsequences = new HashSet<string>(StringComparer.Ordinal) { "deemed-not-made", "not-published" };
    public static readonly IReadOnlySet<string> GdprHolidayCalendars = new HashSet<string>(StringComparer.Ordinal) { "weekends", "japan" };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z0-9]{2,10}$")]
    private static partial Regex ReferencePrefixPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    public static IReadOnlyList<ProfileProblem> Check(DataControllerProfile controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var problems = new List<ProfileProblem>();
        CheckId(problems, "id", controller.Id, DataControllerProfile.MaxIdLength);
        RequireText(problems, "name", controller.Name);
        if (!ReferencePrefixPattern().IsMatch(controller.ReferencePrefix ?? string.Empty))
        {
            problems.Add(new("referencePrefix", "must be 2 to 10 capital letters or digits, e.g. NTTSMC"));
        }

        if (controller.Source is null || string.IsNullOrWhiteSpace(controller.Source.File))
        {
            problems.Add(new("source.file", "is required: name the seed file the facts come from"));
        }

        return problems;
    }

    public static IReadOnlyList<ProfileProblem> Check(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<ProfileProblem>();
        CheckId(problems, "id", profile.Id, ProcedureProfile.MaxIdLength);
        CheckId(problems, "controllerId", profile.ControllerId, DataControllerProfile.MaxIdLength);
        RequireText(problems, "policy.title", profile.Policy.Title);
        Require(problems, "policy.sourceFile", profile.Policy.SourceFile);

        var regimes = CheckRegimes(problems, profile.Regimes);
        if (profile.Desk is null)
        {
            problems.Add(new("desk", "is required: where do requests go?"));
        }
        else
        {
            RequireText(problems, "desk.name", profile.Desk.Name);
            if (profile.Desk.PostalCode is { Length: > 0 } postalCode
                && ((profile.Desk.Address?.Ja?.Contains(postalCode, StringComparison.Ordinal) ?? false) || (profile.Desk.Address?.En?.Contains(postalCode, StringComparison.Ordinal) ?? false)))
            {
                // Letters print the postal code before the address: written in both, it appears twice.
                problems.Add(new("desk.address", "repeats the postal code; give it only in desk.postalCode"));
            }

            Require(problems, "desk.source", profile.Desk.Source);
        }

        CheckFees(problems, profile.Fees);
        CheckRequestTypes(problems, profile, regimes);
        CheckParty(problems, "identity.person", profile.Identity.Person);
        CheckParty(problems, "identity.legalRepresentative", profile.Identity.LegalRepresentative);
        CheckParty(problems, "identity.appointedAgent", profile.Identity.AppointedAgent);
        CheckRefusalGrounds(problems, profile.RefusalGrounds);
        CheckRetention(problems, profile.Retention);
        CheckComplaints(problems, profile.Complaints);

        if (profile.Delivery.DownloadDays is < 1 or > 365)
        {
            problems.Add(new("delivery.downloadDays", "must be between 1 and 365 days"));
        }

        if (profile.Targets.InternalTargetDays is < 1 or > 90)
        {
            problems.Add(new("targets.internalTargetDays", "must be between 1 and 90 calendar days"));
        }

        if (profile.Targets.EscalationDays < 1 || profile.Targets.EscalationDays > profile.Targets.InternalTargetDays)
        {
            problems.Add(new("targets.escalationDays", "must be at least 1 and not after the internal target"));
        }

        if (!GdprHolidayCalendars.Contains(profile.Calendar.GdprHolidays ?? string.Empty))
        {
            problems.Add(new("calendar.gdprHolidays", $"must be one of: {string.Join(", ", GdprHolidayCalendars)}"));
        }

        return problems;
    }

    private static HashSet<Regime> CheckRegimes(List<ProfileProblem> problems, IReadOnlyList<string> ids)
    {
        var regimes = new HashSet<Regime>();
        if (ids.Count == 0)
        {
            problems.Add(new("regimes", "name at least one regime: appi, gdpr or ccpa"));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (Regimes.TryParse(ids[i], out var regime))
            {
                regimes.Add(regime);
            }
            else
            {
                problems.Add(new($"regimes[{i}]", $"unknown regime '{ids[i]}'; use appi, gdpr or ccpa"));
            }
        }

        return regimes;
    }

    private static void CheckFees(List<ProfileProblem> problems, IReadOnlyList<FeeSchedule> fees)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fees.Count; i++)
        {
            var fee = fees[i];
            var at = $"fees[{i}]";
            CheckId(problems, $"{at}.id", fee.Id, 64);
            if (fee.Id is RequestTypeOffer.NoFee or RequestTypeOffer.FeeNotMentioned)
            {
                problems.Add(new($"{at}.id", $"'{fee.Id}' is reserved; choose another id"));
            }

            if (!seen.Add(fee.Id ?? string.Empty))
            {
                problems.Add(new($"{at}.id", $"duplicate fee id '{fee.Id}'"));
            }

            if (fee.Charge is not ("always" or "may"))
            {
                problems.Add(new($"{at}.charge", "must be 'always' or 'may'"));
            }

            if (fee.Per is not "request")
            {
                problems.Add(new($"{at}.per", "must be 'request'"));
            }

            Require(problems, $"{at}.source", fee.Source);
            var amount = fee.Amount;
            if (amount.IsPublished())
            {
                if (amount.Minor is null)
                {
                    problems.Add(new($"{at}.amount.minor", "is required when the amount is published"));
                }
                else if (amount.Minor < 0)
                {
                    problems.Add(new($"{at}.amount.minor", "must not be negative"));
                }

                if (string.IsNullOrWhiteSpace(amount.Currency))
                {
                    problems.Add(new($"{at}.amount.currency", "is required when the amount is published (an ISO 4217 code such as JPY)"));
                }
                else if (!CurrencyPattern().IsMatch(amount.Currency))
                {
                    problems.Add(new($"{at}.amount.currency", $"'{amount.Currency}' is not an ISO 4217 code such as JPY"));
                }

                if (amount.Tax is null)
                {
                    problems.Add(new($"{at}.amount.tax", "is required when the amount is published: included, excluded or not-applicable"));
                }
                else if (amount.Tax != Fees.TaxTreatment.NotApplicable && amount.TaxRatePercent is null or < 0 or > 100)
                {
                    problems.Add(new($"{at}.amount.taxRatePercent", "is required (0-100) when tax is included or excluded"));
                }
            }
            else if (amount.Minor is not null)
            {
                problems.Add(new($"{at}.amount.minor", "must be absent when the amount is not published"));
            }

            if (fee.Payment.WindowDays is < 1)
            {
                problems.Add(new($"{at}.payment.windowDays", "must be at least 1 day"));
            }

            if (!UnpaidConsequences.Contains(fee.Payment.WhenUnpaid ?? string.Empty))
            {
                problems.Add(new($"{at}.payment.whenUnpaid", $"must be one of: {string.Join(", ", UnpaidConsequences)}"));
            }
        }
    }

    private static void CheckRequestTypes(List<ProfileProblem> problems, ProcedureProfile profile, HashSet<Regime> regimes)
    {
        if (profile.RequestTypes.Count == 0)
        {
            problems.Add(new("requestTypes", "list at least one request type"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profile.RequestTypes.Count; i++)
        {
            var offer = profile.RequestTypes[i];
            var at = $"requestTypes[{i}]";
            var type = RequestType.Find(offer.Type);
            if (type is null)
            {
                problems.Add(new($"{at}.type", $"unknown request type '{offer.Type}'; known types: {string.Join(", ", RequestType.All.Select(t => t.Id))}"));
                continue;
            }

            if (!seen.Add(type.Id))
            {
                problems.Add(new($"{at}.type", $"'{type.Id}' is listed twice"));
            }

            if (!regimes.Contains(type.Regime))
            {
                problems.Add(new($"{at}.type", $"'{type.Id}' belongs to {type.Regime.Id()}, which the profile's regimes do not list"));
            }

            Require(problems, $"{at}.source", offer.Source);
            for (var c = 0; c < offer.Channels.Count; c++)
            {
                if (!Channels.Contains(offer.Channels[c]))
                {
                    problems.Add(new($"{at}.channels[{c}]", $"unknown channel '{offer.Channels[c]}'; use {string.Join(", ", Channels)}"));
                }
            }

            if (offer.OtherDisclosureMethods.Count > 0 && RequestFields.For(type.Id).All(f => f.Id != "method"))
            {
                problems.Add(new($"{at}.otherDisclosureMethods", $"'{type.Id}' has no disclosure method to choose"));
            }

            var methodIds = new HashSet<string>(RequestFields.DisclosureMethodIds, StringComparer.Ordinal);
            for (var m = 0; m < offer.OtherDisclosureMethods.Count; m++)
            {
                var method = offer.OtherDisclosureMethods[m];
                CheckId(problems, $"{at}.otherDisclosureMethods[{m}].id", method.Id, 40);
                RequireText(problems, $"{at}.otherDisclosureMethods[{m}].name", method.Name);
                if (!methodIds.Add(method.Id ?? string.Empty))
                {
                    // APPI Art. 33(1): the electronic record and paper are the law's own; a profile adds, never redefines.
                    problems.Add(new($"{at}.otherDisclosureMethods[{m}].id", $"'{method.Id}' is already a method; add only the company's own"));
                }
            }

            var fee = offer.Fee ?? string.Empty;
            var charges = fee != RequestTypeOffer.NoFee;
            if (charges && fee != RequestTypeOffer.FeeNotMentioned && profile.FindFee(fee) is null)
            {
                problems.Add(new($"{at}.fee", $"'{fee}' is neither 'none', 'not-mentioned' nor the id of an entry in fees"));
            }
            else if (charges && !type.FeeAllowedByLaw)
            {
                var basis = type.Regime == Regime.Gdpr
                    ? "GDPR Art. 12(5) makes this request free of charge"
                    : "APPI Art. 38 allows a fee only for purpose notification and disclosure";
                problems.Add(new($"{at}.fee", $"'{type.Id}' cannot carry a fee: {basis}; set \"fee\": \"none\""));
            }
        }
    }

    private static void CheckParty(List<ProfileProblem> problems, string at, PartyDocuments party)
    {
        for (var d = 0; d < party.Documents.Count; d++)
        {
            if (IdentityDocumentKind.Find(party.Documents[d].Kind) is null)
            {
                problems.Add(new($"{at}.documents[{d}].kind", $"unknown document kind '{party.Documents[d].Kind}'; known kinds: {string.Join(", ", IdentityDocumentKind.All.Select(k => k.Id))}"));
            }
        }

        if (party.Status == PublicationStatus.NotPublished && party.Documents.Count > 0)
        {
            problems.Add(new($"{at}.documents", "must be empty when the documents are not published"));
        }

        Require(problems, $"{at}.source", party.Source);
    }

    private static void CheckRefusalGrounds(List<ProfileProblem> problems, RefusalGrounds grounds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < grounds.Grounds.Count; i++)
        {
            var ground = grounds.Grounds[i];
            CheckId(problems, $"refusalGrounds.grounds[{i}].code", ground.Code, 64);
            RequireText(problems, $"refusalGrounds.grounds[{i}].text", ground.Text);
            if (!seen.Add(ground.Code ?? string.Empty))
            {
                problems.Add(new($"refusalGrounds.grounds[{i}].code", $"duplicate code '{ground.Code}'"));
            }

            if (ground.Types is not { Count: > 0 })
            {
                problems.Add(new($"refusalGrounds.grounds[{i}].types", "is required: name the request types the policy states this ground for"));
            }
            else if (ground.Types.FirstOrDefault(t => RequestType.Find(t) is null) is { } unknown)
            {
                problems.Add(new($"refusalGrounds.grounds[{i}].types", $"'{unknown}' is not a request type"));
            }
        }
    }

    private static void CheckRetention(List<ProfileProblem> problems, RetentionRule retention)
    {
        if (retention.FiscalYearStartMonth is < 1 or > 12)
        {
            problems.Add(new("retention.fiscalYearStartMonth", "must be a month number from 1 to 12"));
        }

        if (retention.Status != PublicationStatus.Published)
        {
            return;
        }

        if (retention.Years is null or < 1)
        {
            problems.Add(new("retention.years", "is required (at least 1) when retention is published"));
        }

        if (!RetentionStarts.Contains(retention.From ?? string.Empty))
        {
            problems.Add(new("retention.from", $"must be one of: {string.Join(", ", RetentionStarts)}"));
        }

        Require(problems, "retention.source", retention.Source);
    }

    private static void CheckComplaints(List<ProfileProblem> problems, IReadOnlyList<ComplaintBody> complaints)
    {
        for (var i = 0; i < complaints.Count; i++)
        {
            if (!ComplaintKinds.Contains(complaints[i].Kind ?? string.Empty))
            {
                problems.Add(new($"complaints[{i}].kind", $"must be one of: {string.Join(", ", ComplaintKinds)}"));
            }

            RequireText(problems, $"complaints[{i}].name", complaints[i].Name);
            Require(problems, $"complaints[{i}].source", complaints[i].Source);
        }
    }

    private static void CheckId(List<ProfileProblem> problems, string field, string? id, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(new(field, "is required"));
        }
        else if (id.Length > maxLength || !IdPattern().IsMatch(id))
        {
            problems.Add(new(field, $"'{id}' must be lower-case letters, digits and single hyphens, at most {maxLength} characters"));
        }
    }

    private static void Require(List<ProfileProblem> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "is required"));
        }
    }

    private static void RequireText(List<ProfileProblem> problems, string field, LocalizedText? text)
    {
        if (text is null || text.IsEmpty())
        {
            problems.Add(new(field, "is required in Japanese or English"));
        }
    }
}
