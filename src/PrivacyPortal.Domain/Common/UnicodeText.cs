using System.Text;

namespace PrivacyPortal.Domain.Common;

/// <summary>
/// Text as people type it, made safe to normalise: .NET's Unicode normalisation throws on a lone surrogate and on
/// noncharacters such as U+FFFE, which no keyboard produces but any request can carry. They are dropped first, so a
/// field that holds one is read as the text around it instead of failing the whole request.
/// </summary>
public static class UnicodeText
{
    /// <summary>The value without lone surrogates and noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane).</summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? kept = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var width = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
            var valid = width == 2
                ? !IsNoncharacter(char.ConvertToUtf32(c, value[i + 1]))
                : !char.IsSurrogate(c) && !IsNoncharacter(c);
            if (!valid && kept is null)
            {
                kept = new StringBuilder(value.Length).Append(value, 0, i);
            }

            if (valid)
            {
                kept?.Append(value, i, width);
            }

            i += width - 1;
        }

        return kept?.ToString() ?? value;
    }

    /// <summary>Normalises the value after dropping what normalisation refuses.</summary>
    public static string Normalize(string value, NormalizationForm form) => Clean(value).Normalize(form);

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
