using PrivacyPortal.Domain.Cases;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>What an acknowledgement letter says: who writes, to whom, about which request, and when to expect the answer.</summary>
public sealed record AcknowledgementLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    IReadOnlyList<RequestType> Types, Deadline Deadline);

/// <summary>The fee request (APPI Art. 38): the amount, how to pay and by when.</summary>
public sealed record FeeRequestLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    Money Amount, DateOnly? PayBy);

/// <summary>GDPR Art. 12(3): the period is extended by two further months, with the reasons and the new date.</summary>
public sealed record ExtensionLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    string Reasons, Deadline Deadline);

/// <summary>The answer to a request, with the grounds and reasons for anything not done.</summary>
public sealed record DecisionLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    DateOnly ReceivedOn, IReadOnlyList<RequestItem> Items, DecisionOutcome Outcome, IReadOnlyList<DecisionGround> Grounds, string? Reasons);
