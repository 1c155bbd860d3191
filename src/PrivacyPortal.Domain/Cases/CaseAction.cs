namespace PrivacyPortal.Domain.Cases;

/// <summary>What an officer can do on a case; the aggregate says which are open now (PrivacyRequest.AvailableActions).</summary>
public enum CaseAction
{
    Verify,
    RefuseIdentity,
    AskForMore,
    RequestFee,
    SetFee,
    RecordPayment,
    WaiveFee,
    ExpireFee,
    AttachData,
    Decide,
    SendAnswer,
    Close,
    Extend,
    Withdraw,
    Hold,
    ReleaseHold,
    Note,
    Assign,
}
