using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>A file sent with a notice (the decision letter).</summary>
public sealed record MailAttachment(string FileName, string MediaType, string MediaSubtype, byte[] Content);

/// <summary>
/// Turns a notice into an email in the requester's language: plain UTF-8 text (headers encoded as RFC 2047 words by
/// MimeKit), any attachment, and a deterministic Message-ID so a resend after a crash is recognisably the same message.
/// </summary>
public sealed class NoticeComposer(IOptions<SmtpOptions> smtp, IPortalPaths paths)
{
    public MimeMessage Compose(Notice notice, string? link, LocalizedText company, MailAttachment? attachment = null, Domain.Controllers.ProcedureProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(company);
        var ja = notice.Language == "ja";
        var name = company.In(notice.Language);
        var reference = notice.Reference ?? string.Empty;
        var detail = notice.Detail ?? string.Empty;
        var (amount, payBy) = FeeDetail(notice);
        var (howToPay, payTo) = HowToPay(profile, notice.Language);
        var (subject, body) = (notice.Kind, ja) switch
        {
            (NoticeKind.EmailConfirmation, true) => (
                $"【プライバシーポータル】メールアドレスの確認（{name}への請求）",
                $"{name}への個人情報に関する請求を受け付けるため、メールアドレスを確認してください。\n\n次のリンクを開き、「確認して請求を送る」を押すと、請求が会社に送られます。\n{link}\n\nこのリンクは24時間有効で、1回だけ使えます。\nお心当たりのない場合は、このメールを破棄してください。請求は送られません。"),
            (NoticeKind.EmailConfirmation, false) => (
                $"[PrivacyPortal] Confirm your email address (request to {name})",
                $"Please confirm your email address so that your privacy request to {name} can be sent.\n\nOpen this link and press \"Confirm and send my request\":\n{link}\n\nThe link works once and for 24 hours.\nIf you did not make this request, ignore this email: nothing will be sent."),
            (NoticeKind.Acknowledgement, true) => (
                $"【プライバシーポータル】請求を受け付けました（受付番号 {reference}）",
                $"{name}への請求を受け付けました。\n\n受付番号：{reference}\n\n請求の状況、回答の時期、手数料、提出書類は、下のリンクの請求ページで確認できます。"),
            (NoticeKind.Acknowledgement, false) => (
                $"[PrivacyPortal] Your request has been received ({reference})",
                $"Your request to {name} has been received.\n\nReference: {reference}\n\nFollow it on your request page, linked below: status, when to expect an answer, fee and documents."),
            (NoticeKind.StatusLink, true) => (
                $"【プライバシーポータル】請求ページへの新しいリンク（受付番号 {reference}）",
                $"ご依頼により、請求ページへの新しいリンクを下にお送りします。以前のリンクは使えなくなりました。\n\nお心当たりのない場合は、このメールを破棄してください。"),
            (NoticeKind.StatusLink, false) => (
                $"[PrivacyPortal] A new link to your request ({reference})",
                $"As asked, here is a new link to your request, below. The previous link no longer works.\n\nIf you did not ask for this, ignore this email."),
            (NoticeKind.Withdrawn, true) => (
                $"【プライバシーポータル】請求を取り下げました（受付番号 {reference}）",
                $"{name}への請求（受付番号 {reference}）は取り下げられました。会社は対応を終了します。"),
            (NoticeKind.ConfirmationReminder, true) => (
                $"【プライバシーポータル】確認をお待ちしています（{name}への請求）",
                $"{name}への請求は、メールアドレスが確認されていないため、まだ送られていません。\n\n送る場合は、次の新しいリンクを開いてください（24時間有効、1回だけ使えます）。\n{link}\n\n確認されないまま7日たつと、下書きと入力内容は削除されます。"),
            (NoticeKind.ConfirmationReminder, false) => (
                $"[PrivacyPortal] Your request to {name} is waiting for your confirmation",
                $"Your request to {name} has not been sent yet because the email address was not confirmed.\n\nTo send it, open this new link (it works once and for 24 hours):\n{link}\n\nIf it is not confirmed within 7 days of filing, the draft and everything in it are deleted."),
            (NoticeKind.DraftDiscarded, true) => (
                $"【プライバシーポータル】未確認の下書きを削除しました（{name}への請求）",
                $"メールアドレスが7日間確認されなかったため、{name}への請求の下書きと入力内容、提出書類を削除しました。請求は送られていません。必要な場合は、もう一度請求してください。"),
            (NoticeKind.DraftDiscarded, false) => (
                $"[PrivacyPortal] Your unconfirmed draft to {name} has been deleted",
                $"The email address was not confirmed within 7 days, so the draft request to {name}, everything typed in it and any documents have been deleted. Nothing was sent. You can file the request again at any time."),
            (NoticeKind.DocumentsNeeded, true) => (
                $"【プライバシーポータル】本人確認書類の追加をお願いします（受付番号 {reference}）",
                $"{name}は、本人確認のため次のものを必要としています。\n\n{detail}\n\n下のリンクの請求ページから提出してください。提出されるまで、回答までの期間は止まっています。"),
            (NoticeKind.DocumentsNeeded, false) => (
                $"[PrivacyPortal] More is needed to confirm your identity ({reference})",
                $"{name} needs the following to confirm your identity:\n\n{detail}\n\nPlease send it from your request page, linked below. Until it arrives, the time to answer is paused."),
            (NoticeKind.FeeDue, true) => (
                $"【プライバシーポータル】手数料のお支払いのお願い（受付番号 {reference}）",
                $"{name}への請求には手数料がかかります。\n\n金額：{amount}\nお支払い期限：{payBy}\n{(howToPay.Length > 0 ? $"お支払い方法：\n{howToPay}\n" : string.Empty)}{(payTo is null ? string.Empty : $"送付先：{payTo}\n")}\nお支払いの際は受付番号 {reference} を書き添えてください。お支払い方法と送付先は請求ページにも記載しています。お支払いが確認されるまで、回答までの期間は止まっています。"),
            (NoticeKind.FeeDue, false) => (
                $"[PrivacyPortal] A fee is due for your request ({reference})",
                $"Your request to {name} carries a fee.\n\nAmount: {amount}\nPay by: {payBy}\n{(howToPay.Length > 0 ? $"How to pay:\n{howToPay}\n" : string.Empty)}{(payTo is null ? string.Empty : $"Where to send it: {payTo}\n")}\nQuote the reference {reference} when you pay. Your request page, linked below, says the same. Until payment is confirmed, the time to answer is paused."),
            (NoticeKind.FeeExpired, true) => (
                $"【プライバシーポータル】手数料が支払われなかったため請求は終了しました（受付番号 {reference}）",
                $"お支払い期限までに手数料が確認できなかったため、{name}の定めにより、請求はなかったものとして扱われます。必要な場合は、もう一度請求してください。"),
            (NoticeKind.FeeExpired, false) => (
                $"[PrivacyPortal] Your request has ended: the fee was not paid ({reference})",
                $"The fee was not received by the date given, so under {name}'s policy the request is treated as not made. You can file it again at any time."),
            (NoticeKind.Extended, true) => (
                $"【プライバシーポータル】回答期間の延長のお知らせ（受付番号 {reference}）",
                $"{name}は、GDPR第12条第3項に基づき、回答期間をさらに2か月延長します。理由は次のとおりです。\n\n{detail}\n\n新しい回答期限は請求ページで確認できます。"),
            (NoticeKind.Extended, false) => (
                $"[PrivacyPortal] The time to answer your request has been extended ({reference})",
                $"{name} is extending the time to answer by two further months, as GDPR Art. 12(3) allows, for these reasons:\n\n{detail}\n\nThe new date is on your request page."),
            (NoticeKind.DecisionAvailable, true) => (
                $"【プライバシーポータル】請求への回答（受付番号 {reference}）",
                $"{name}は、あなたの請求について判断しました。回答の内容と理由は請求ページで確認できます。"),
            (NoticeKind.DecisionAvailable, false) => (
                $"[PrivacyPortal] Your request has been answered ({reference})",
                $"{name} has decided on your request. The answer and its reasons are on your request page."),
            (NoticeKind.AgentFiled, true) => (
                $"【プライバシーポータル】あなたの代理人として{name}への請求がありました（受付番号 {reference}）",
                $"{name}は、あなたの個人情報に関する請求を受け付けました（受付番号 {reference}）。請求した人は、あなたの法定代理人または任意代理人であると述べています。\n\n依頼した覚えがある場合は、何もする必要はありません。\n依頼した覚えがない場合は、次のページで{name}に知らせてください。だれが何を請求したかも、このページで確認できます。\n{link}\n\nこのリンクはあなた専用です。請求の記録が保存期間の終わりに消去されるまで使えます。"),
            (NoticeKind.AgentFiled, false) => (
                $"[PrivacyPortal] A request to {name} was made on your behalf ({reference})",
                $"{name} has received a request about your personal data (reference {reference}), made by someone who says they are your legal representative or your appointed agent.\n\nIf you asked them to, you need do nothing.\nIf you did not, tell {name} on this page, which also shows who made the request and what they asked for:\n{link}\n\nThis link is yours alone. It works until the request's records are erased at the end of their retention."),
            (NoticeKind.AnswerPostedToPerson, true) => (
                $"【プライバシーポータル】回答書を本人に郵送しました（受付番号 {reference}）",
                $"{name}は、請求（受付番号 {reference}）について判断しました。{name}の定めにより、代理人による請求への回答書は、本人の住所に郵送しました。"),
            (NoticeKind.AnswerPostedToPerson, false) => (
                $"[PrivacyPortal] The answer has been posted to the person ({reference})",
                $"{name} has decided on the request ({reference}). Under its rules for requests made by an agent, the answer letter has been posted to the person at their address."),
            (NoticeKind.Withdrawn, false) => (
                $"[PrivacyPortal] Your request has been withdrawn ({reference})",
                $"Your request to {name} ({reference}) has been withdrawn. The company will stop working on it."),
        };

        return Message(notice.Recipient, subject, body + LinkFooter(notice, link, ja) + "\n", notice.MessageId, notice.Language, attachment);
    }

    /// <summary>
    /// Every email about a request ends with the link to it and how long that link works (the rule of
    /// <see cref="Domain.Requests.PrivacyRequest.StatusLinkExpired"/>), and where to get a new one.
    /// </summary>
    private string LinkFooter(Notice notice, string? link, bool ja)
    {
        if (link is null || notice.Kind is NoticeKind.EmailConfirmation or NoticeKind.ConfirmationReminder or NoticeKind.DraftDiscarded or NoticeKind.AgentFiled
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return string.Empty;
        }

        var days = (int)Domain.Requests.PrivacyRequest.StatusLinkLifetime.TotalDays;
        var renew = uri.GetLeftPart(UriPartial.Authority) + paths.NewStatusLink;
        return ja
            ? $"\n\n請求ページ（あなた専用のリンクです。他の人に知らせないでください）：\n{link}\n\nこのリンクは、請求の対応中と、対応が終わってから{days}日間使えます。新しいリンクを求めた場合や、保存期間が終わって請求の記録が消去された場合は使えなくなります。使えないときは、次のページから受付番号で新しいリンクを求めてください。\n{renew}"
            : $"\n\nYour request page (this link is yours alone; do not share it):\n{link}\n\nThe link works while your request is open and for {days} days after it ends. It stops working if you ask for a new link, or when the request's records are erased at the end of their retention. If it no longer works, ask for a new one with your reference here:\n{renew}";
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

    /// <summary>A fee notice's detail is "minor-units currency pay-by" (<see cref="Domain.Requests.PrivacyRequest.RequestFee"/>).</summary>
    private static (string Amount, string PayBy) FeeDetail(Notice notice)
    {
        var parts = notice.Kind == NoticeKind.FeeDue ? (notice.Detail ?? string.Empty).Split(' ') : [];
        if (parts.Length != 3 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var minor))
        {
            return (string.Empty, string.Empty);
        }

        var payBy = DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? (notice.Language == "ja" ? date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) : date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))
            : (notice.Language == "ja" ? "請求ページをご覧ください" : "see your request page");
        return (new Domain.Fees.Money(minor, parts[1]).Format(notice.Language), payBy);
    }
}
