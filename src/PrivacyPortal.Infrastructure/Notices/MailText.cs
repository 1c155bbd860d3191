using System.Text;
using System.Text.RegularExpressions;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>Makes a written .eml readable: decodes encoded-word headers and a base64 or quoted-printable body.</summary>
public static partial class MailText
{
    private static readonly string[] ShownHeaders = ["From", "To", "Subject", "Message-ID", "Content-Language"];

    public static string Readable(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var split = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2);
        var headers = Unfold(split[0]);
        var body = split.Length > 1 ? split[1] : string.Empty;
        var encoding = Header(headers, "Content-Transfer-Encoding")?.ToLowerInvariant();
        body = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", string.Empty, StringComparison.Ordinal))),
            "quoted-printable" => Encoding.UTF8.GetString(QuotedPrintable(body)),
            _ => body,
        };
        var shown = ShownHeaders
            .Select(name => (name, value: Header(headers, name)))
            .Where(h => h.value is not null)
            .Select(h => $"{h.name}: {DecodeWords(h.value!)}");
        return string.Join('\n', shown) + "\n\n" + body;
    }

    public static string? Header(string headers, string name) =>
        headers.Split('\n').Select(l => l.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();

    public static string Unfold(string headers) => Folding().Replace(headers.Replace("\r\n", "\n", StringComparison.Ordinal), " ");

    /// <summary>
    /// RFC 2047 encoded words (=?utf-8?B?...?= and =?utf-8?Q?...?=). Adjacent words are joined before decoding,
    /// because a mailer may split a multi-byte character across two words.
    /// </summary>
    public static string DecodeWords(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var output = new StringBuilder();
        var pending = new List<byte>();
        var position = 0;
        foreach (Match match in EncodedWord().Matches(value))
        {
            var between = value[position..match.Index];
            if (pending.Count > 0 && between.Trim().Length > 0)
            {
                output.Append(Encoding.UTF8.GetString(pending.ToArray()));
                pending.Clear();
            }

            if (pending.Count == 0 || between.Trim().Length > 0)
            {
                output.Append(between);
            }

            pending.AddRange(match.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(match.Groups[2].Value)
                : QuotedPrintable(match.Groups[2].Value.Replace('_', ' ')));
            position = match.Index + match.Length;
        }

        output.Append(Encoding.UTF8.GetString(pending.ToArray()));
        output.Append(value[position..]);
        return output.ToString();
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var source = text.Replace("=\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '=' && i + 2 < source.Length && Uri.IsHexDigit(source[i + 1]) && Uri.IsHexDigit(source[i + 2]))
            {
                bytes.Add(Convert.ToByte(source.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(source[i].ToString()));
            }
        }

        return bytes.ToArray();
    }

    [GeneratedRegex(@"\n[ \t]+")]
    private static partial Regex Folding();

    [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
