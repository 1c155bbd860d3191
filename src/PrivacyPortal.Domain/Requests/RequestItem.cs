namespace PrivacyPortal.Domain.Requests;

/// <summary>One request type within a request, with the answers to that type's fields.</summary>
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
}
