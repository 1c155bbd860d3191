namespace PrivacyPortal.Domain.Common;

/// <summary>
/// A business rule was broken. Every rule carries a stable code, so a screen says it in the reader's language (text
/// key "Rule.{code}", filled in with <see cref="Arguments"/>); the message is the English for logs and tests.
/// </summary>
#pragma warning disable CA1032 // No code-less constructors: a rule without a code could not be shown in the reader's language.
public sealed class DomainException : Exception
#pragma warning restore CA1032
{
    public DomainException(string code, string message, params object?[] arguments)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Arguments = arguments ?? [];
    }

    public string Code { get; }

    /// <summary>The values the rule's text names (a type, a field's label as <see cref="LocalizedText"/>), in order.</summary>
    public IReadOnlyList<object?> Arguments { get; }
}
