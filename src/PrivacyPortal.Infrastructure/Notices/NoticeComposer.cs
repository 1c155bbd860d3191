using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Texts;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>A file sent with a notice (the decision letter).</summary>
public sealed record MailAttachment(string FileName, string MediaType, string MediaSubtype, byte[] Content);

/// <summary>
/// Turns a notice into an email in the requester's language, its words from the text catalogue (Email.&lt;kind&gt;.*):
/// plain UTF-8 text (headers encoded as RFC 2047 words by MimeKit), any attachment, and a deterministic Message-ID so
/// a resend after a crash is recognisably the same message.
/// </summary>
public sealed class NoticeComposer(IOptions<SmtpOptions> smtp, IPortalPaths paths)
{
    public MimeMessage Compose(Notice notice, string? link, LocalizedText company, MailAttachment? attachment = null, Domain.Controllers.ProcedureProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(company);
        var language = notice.Language;
        var (amount, payBy, basis) = FeeDetail(notice);
        var (howToPay, payTo) = HowToPay(profile, language);
        // Every notice text takes the same values, so a translator may use any of them: {0} company, {1} reference,
        // {2} link, {3} the officer's detail, {4} fee, {5} last day to pay, {6} how to pay, {7} where to send it,
        // {8} hours a confirmation link works, {9} days an unconfirmed draft is kept, {10} GDPR's further months,
        // {11} what an officer-set fee rests on.
        object?[] values =
        [
            company.In(language),
            notice.Reference ?? string.Empty,
            link,
            notice.Detail ?? string.Empty,
            amount,
            payBy,
            howToPay.Length > 0 ? TextCatalogue.Format(language, "Email.FeeDue.HowToPay", howToPay) : string.Empty,
            payTo is null ? string.Empty : TextCatalogue.Format(language, "Email.FeeDue.PayTo", payTo),
            (int)PrivacyRequest.ConfirmationLifetime.TotalHours,
            (int)PrivacyRequest.DraftLifetime.TotalDays,
            DeadlineCalculator.GdprFurtherMonths,
            basis,
        ];
        var subject = TextCatalogue.Format(language, $"Email.{notice.Kind}.Subject", values);
        var body = TextCatalogue.Format(language, $"Email.{notice.Kind}.Body", values);

        return Message(notice.Recipient, subject, body + LinkFooter(notice, link) + "\n", notice.MessageId, notice.Language, attachment);
    }

    /// <summary>
    /// Every email about a request ends with the link to it and how long that link works (the rule of
    /// <see cref="PrivacyRequest.StatusLinkExpired"/>), and where to get a new one.
    /// </summary>
    private string LinkFooter(Notice notice, string? link)
    {
        if (link is null || notice.Kind is NoticeKind.EmailConfirmation or NoticeKind.ConfirmationReminder or NoticeKind.DraftDiscarded or NoticeKind.AgentFiled
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return string.Empty;
        }

        var days = (int)PrivacyRequest.StatusLinkLifetime.TotalDays;
        var renew = uri.GetLeftPart(UriPartial.Authority) + paths.NewStatusLink;
        return TextCatalogue.Format(notice.Language, "Email.LinkFooter", link, days, renew);
    }

    public MimeMessage ComposeStaff(StaffMessage staffMessage)
    {
        ArgumentNullException.ThrowIfNull(staffMessage);
        return Message(staffMessage.Recipient, staffMessage.Subject, staffMessage.Body, staffMessage.MessageId, staffMessage.Language, null);
    }

    /// <summary>A message from the portal's sender address; recipient addresses were validated when they were typed.</summary>
    public MimeMessage Message(string recipient, string subject, string body, string? messageId, string language, MailAttachment? attachment)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        if (!string.IsNullOrEmpty(messageId))
        {
            message.MessageId = messageId.Trim('<', '>');
        }

        var text = new TextPart(TextFormat.Plain) { Text = body };
        if (attachment is null)
        {
            message.Body = text;
            // A Content-* header belongs to the top-level entity in MimeKit's model; it is written among the message's headers.
            message.Body.Headers.Add(HeaderId.ContentLanguage, language);
            return message;
        }

        var file = new MimePart(attachment.MediaType, attachment.MediaSubtype)
        {
            Content = new MimeContent(new MemoryStream(attachment.Content)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
        message.Body = new Multipart("mixed") { text, file };
        message.Body.Headers.Add(HeaderId.ContentLanguage, language);
        return message;
    }

    /// <summary>The payment methods (one line each) and the postal address the fee request letter and status page give too.</summary>
    private static (string Methods, string? PayTo) HowToPay(Domain.Controllers.ProcedureProfile? profile, string language)
    {
        if (profile?.PaymentSchedule is not { Payment.Status: Domain.Common.PublicationStatus.Published } schedule)
        {
            return (string.Empty, profile?.PaymentAddress(language));
        }

        return (string.Join('\n', schedule.Payment.Methods.Select(m => $"- {m.In(language)}")), profile.PaymentAddress(language));
    }

    /// <summary>A fee notice's amount, last day and basis (<see cref="FeeDueDetail"/>), written in the reader's language.</summary>
    private static (string Amount, string PayBy, string Basis) FeeDetail(Notice notice)
    {
        if (notice.Kind != NoticeKind.FeeDue || FeeDueDetail.Parse(notice.Detail) is not { } fee)
        {
            return (string.Empty, string.Empty, string.Empty);
        }

        var payBy = fee.PayBy is { } date
            ? (notice.Language == TextCatalogue.Japanese ? JapaneseDates.Western(date) : date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))
            : TextCatalogue.Text(notice.Language, "Email.FeeDue.SeeRequestPage");
        var basis = fee.Basis is { } code
            ? TextCatalogue.Format(notice.Language, "Email.FeeDue.Basis", TextCatalogue.Text(notice.Language, $"Staff.FeeBasis.{code}"))
            : string.Empty;
        return (new Domain.Fees.Money(fee.AmountMinor, fee.Currency).Format(notice.Language), payBy, basis);
    }
}
