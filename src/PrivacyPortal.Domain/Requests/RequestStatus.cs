namespace PrivacyPortal.Domain.Requests;

/// <summary>Where a request stands. Allowed moves are in <see cref="RequestTransitions"/>.</summary>
public enum RequestStatus
{
    /// <summary>Filed but the email address is not confirmed yet; the clock has not started.</summary>
    Draft,

    /// <summary>Email confirmed: the request has reached the business and the clock runs.</summary>
    Received,

    AwaitingIdentity,
    AwaitingFee,
    InReview,
    Decided,
    Answered,
    Closed,
    Withdrawn,

    /// <summary>Fee unpaid past the window where the profile says the request is then deemed not made.</summary>
    DeemedWithdrawn,

    /// <summary>A draft whose email was never confirmed, discarded after 7 days with its personal data erased.</summary>
    Discarded,
}
