namespace PrivacyPortal.Domain.Requests;

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

    /// <summary>Add a scan of a document that came by post or was shown in person.</summary>
    ScanDocument,

    /// <summary>Record a printed letter as posted to a requester who hears by post.</summary>
    MarkPosted,

    /// <summary>Record that the person an agent filed for said, to the desk, that they did not ask for the request.</summary>
    RecordPersonObjection,
}
