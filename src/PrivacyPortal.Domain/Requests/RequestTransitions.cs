using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Requests;

/// <summary>
/// The one table of allowed status moves. Every status change of <see cref="PrivacyRequest"/> goes through its
/// private move, which checks this table; each entry is a move some verb makes, and no verb makes a move not here.
/// </summary>
public static class RequestTransitions
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Draft] = [RequestStatus.Received, RequestStatus.Withdrawn, RequestStatus.Discarded],
        // Received and AwaitingIdentity -> Decided: only the refusal for unconfirmed identity (APPI Art. 37(1)).
        [RequestStatus.Received] = [RequestStatus.AwaitingIdentity, RequestStatus.AwaitingFee, RequestStatus.InReview, RequestStatus.Decided, RequestStatus.Withdrawn],
        [RequestStatus.AwaitingIdentity] = [RequestStatus.InReview, RequestStatus.Decided, RequestStatus.Withdrawn],
        [RequestStatus.AwaitingFee] = [RequestStatus.InReview, RequestStatus.Withdrawn, RequestStatus.DeemedWithdrawn],
        [RequestStatus.InReview] = [RequestStatus.AwaitingIdentity, RequestStatus.AwaitingFee, RequestStatus.Decided, RequestStatus.Withdrawn],
        [RequestStatus.Decided] = [RequestStatus.Answered],
        [RequestStatus.Answered] = [RequestStatus.Closed],
        [RequestStatus.Closed] = [],
        [RequestStatus.Withdrawn] = [],
        [RequestStatus.DeemedWithdrawn] = [],
        [RequestStatus.Discarded] = [],
    };

    public static bool CanMove(RequestStatus from, RequestStatus to) => Allowed[from].Contains(to);

    /// <summary>Every allowed move.</summary>
    public static IEnumerable<(RequestStatus From, RequestStatus To)> Moves =>
        Allowed.SelectMany(entry => entry.Value.Select(to => (entry.Key, to)));

    /// <summary>Open: the requester may still add documents or withdraw.</summary>
    public static bool IsOpen(RequestStatus status) =>
        status is not (RequestStatus.Decided or RequestStatus.Answered or RequestStatus.Closed or RequestStatus.Withdrawn or RequestStatus.DeemedWithdrawn or RequestStatus.Discarded);

    public static void Check(RequestStatus from, RequestStatus to)
    {
        if (!CanMove(from, to))
        {
            throw Refusal(from, to);
        }
    }

    /// <summary>The one message for a move the table does not allow, whichever verb tried it.</summary>
    public static DomainException Refusal(RequestStatus from, RequestStatus to) =>
        new("status.refused", $"A request that is {Describe(from)} cannot become {Describe(to)}.");

    public static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "a draft",
        RequestStatus.Received => "received",
        RequestStatus.AwaitingIdentity => "awaiting identity documents",
        RequestStatus.AwaitingFee => "awaiting the fee",
        RequestStatus.InReview => "in review",
        RequestStatus.Decided => "decided",
        RequestStatus.Answered => "answered",
        RequestStatus.Closed => "closed",
        RequestStatus.Withdrawn => "withdrawn",
        RequestStatus.DeemedWithdrawn => "deemed withdrawn",
        RequestStatus.Discarded => "discarded",
    };
}
