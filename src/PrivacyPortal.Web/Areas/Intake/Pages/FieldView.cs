namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>One form control with its label, hint and error, rendered by _Field.cshtml.</summary>
public sealed record FieldView(
    string Name,
    string Label,
    string? Value,
    string? Error,
    string Kind = "text",
    bool Required = false,
    int? MaxLength = null,
    string? Hint = null,
    string? Autocomplete = null,
    IReadOnlyList<(string Value, string Label)>? Choices = null)
{
    public string Id => FileModel.IdFor(Name);
}

/// <summary>The request form's fields (_RequestForm.cshtml): the requester's, or an officer's registering a request that arrived another way, where an email address is optional.</summary>
public sealed record RequestFormView(FileInput Input, IReadOnlyList<OfferView> Chosen, Func<string, string?> ErrorFor, bool EmailRequired, bool AcceptsPost);
