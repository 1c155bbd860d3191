
namespace PrivacyPortal.Domain.Requests;

/// <summary>One request type within a request, with the answers to that type's fields and, once made, its decision.</summary>
public sealed class RequestItem
{
    private RequestItem()
    {
    }

    public RequestItem(string typeId, IReadOnlyDictionary<string, string> details)
    {
        TypeId = typeId;
        Details = new Dictionary<string, string>(details, StringComparer.Ordinal);
    }

    public long Id { get; private set; }

    public string TypeId { get; private set; } = string.Empty;

    public Dictionary<string, string> Details { get; private set; } = [];

    public ItemDecision? Decision { get; private set; }

    public RequestType? Type => RequestType.Find(TypeId);

    internal void Decide(ItemDecision decision) => Decision = decision;

    /// <summary>The end of retention: the decision stays, the words written about the person go.</summary>
    internal void EraseDecisionText()
    {
        if (Decision is not null)
        {
            Decision = Decision with { Reasons = null, Changes = null, MethodReasons = null };
        }
    }
}
