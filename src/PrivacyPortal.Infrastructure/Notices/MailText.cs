using System.Text;
using MimeKit;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>Makes a written .eml readable: the headers a person looks at, decoded, the text body, and each attachment.</summary>
public static class MailText
{
    public static string Readable(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        return Readable(MimeMessage.Load(stream));
    }

    public static string Readable(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = new List<string>
        {
            $"From: {message.From}",
            $"To: {message.To}",
            $"Subject: {message.Subject}",
        };
        if (!string.IsNullOrEmpty(message.MessageId))
        {
            lines.Add($"Message-ID: <{message.MessageId}>");
        }

        if ((message.Headers[HeaderId.ContentLanguage] ?? message.Body?.Headers[HeaderId.ContentLanguage]) is { } language)
        {
            lines.Add($"Content-Language: {language}");
        }

        foreach (var attachment in message.Attachments.OfType<MimePart>())
        {
            lines.Add($"Attachment: {attachment.FileName} ({attachment.ContentType.MimeType})");
        }

        return string.Join('\n', lines) + "\n\n" + (message.TextBody ?? string.Empty);
    }
}
