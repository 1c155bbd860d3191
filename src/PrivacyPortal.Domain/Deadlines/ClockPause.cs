using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Deadlines;

/// <summary>What the business asked the requester for. Only such a request can stop the clock.</summary>
public enum PauseReason
{
    AwaitingIdentityDocuments,
    AwaitingFee,
    AwaitingClarification,
}

/// <summary>
/// A period the clock stood still because the business was waiting for something it had asked the requester for.
/// <see cref="From"/> is the day it asked, <see cref="To"/> the day the answer arrived (null while still waiting);
/// the days paused are <c>To - From</c>.
/// </summary>
public sealed record ClockPause
{
    public ClockPause(DateOnly from, DateOnly? to, PauseReason reason)
    {
        if (to is { } end && end < from)
        {
            throw new DomainException("pause.ends-before-start", $"A pause cannot end ({end:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        From = from;
        To = to;
        Reason = reason;
    }

    public DateOnly From { get; }

    public DateOnly? To { get; }

    public PauseReason Reason { get; }

    public bool IsOngoing => To is null;

    /// <summary>Days paused; an ongoing pause counts up to <paramref name="asOf"/>.</summary>
    public int DaysAsOf(DateOnly asOf) => Math.Max(0, (To ?? asOf).DayNumber - From.DayNumber);
}
