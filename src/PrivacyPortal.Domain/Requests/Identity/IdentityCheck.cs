using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Verification;

namespace PrivacyPortal.Domain.Requests;

/// <summary>
/// What the officer checked on the identity documents (APPI Art. 37(2): the business may set how identity is
/// confirmed; LEGAL.md lists the common practice). Every applicable box must be ticked to record the person as verified;
/// anything less is "more needed", with a reason the requester is told.
/// </summary>
public sealed record IdentityCheck(
    string DocumentKind,
    bool NameMatches,
    bool AddressMatches,
    bool CurrentAndValid,
    bool SensitiveNumbersMasked,
    bool? AgentAuthorityShown)
{
    /// <summary>The document kinds this profile accepts from the person, or the common practice where it lists none.</summary>
    public static IReadOnlyList<IdentityDocumentKind> AcceptedKinds(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var listed = profile.Identity.Person.Documents.Select(d => IdentityDocumentKind.Find(d.Kind)).OfType<IdentityDocumentKind>().ToList();
        return listed.Count > 0 ? listed : IdentityDocumentKind.CommonPractice;
    }

    /// <summary>Throws with the first box that is not ticked; the audit trail records the document kind checked.</summary>
    public void Confirm(ProcedureProfile profile, bool hasAgent)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (AcceptedKinds(profile).All(k => k.Id != DocumentKind))
        {
            throw new DomainException("identity.kind", "This kind of document is not accepted by this company's procedure.");
        }

        if (!NameMatches || !AddressMatches)
        {
            throw new DomainException("identity.mismatch", "The name and address on the document must match the request.");
        }

        if (!CurrentAndValid)
        {
            throw new DomainException("identity.expired", "The document must be valid and, where it has one, within its issue-date limit.");
        }

        if (!SensitiveNumbersMasked)
        {
            throw new DomainException("identity.unmasked", "Numbers that must not be collected (My Number, insurer numbers, registered domicile) must be masked.");
        }

        if (hasAgent && AgentAuthorityShown != true)
        {
            throw new DomainException("identity.agent", "The agent's authority must be shown (power of attorney or proof of legal representation).");
        }
    }
}
