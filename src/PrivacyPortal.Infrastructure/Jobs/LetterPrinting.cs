using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Cases;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Letters;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// Prints pending letters with Chromium and stores them encrypted (temp file and rename: never half a letter). When
/// Chromium is missing the letter says so on the case and is tried again later; the rest of the portal runs on.
/// </summary>
public sealed class LetterPrinting(PortalDbContext db, ProfileStore profiles, ChromiumPdfPrinter printer, LetterRenderer renderer, DocumentVault vault, TimeProvider clock)
{
    private const int BatchSize = 10;

    public async Task<(int Printed, int Failed)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<RequestLetter>().AsNoTracking()
            .Where(l => l.Status == LetterStatus.Pending && (l.NextAttemptAtUtc == null || l.NextAttemptAtUtc <= now))
            .OrderBy(l => l.CreatedAtUtc).Select(l => new { l.Id, RequestId = EF.Property<Guid>(l, "RequestId") })
            .Take(BatchSize).ToListAsync(cancellationToken);
        int printed = 0, failed = 0;
        foreach (var pending in due)
        {
            var request = await db.Requests.Include(r => r.Items).Include(r => r.Letters).AsSplitQuery()
                .SingleAsync(r => r.Id == pending.RequestId, cancellationToken);
            var letter = request.Letters.Single(l => l.Id == pending.Id);
            try
            {
                var pdf = await printer.PrintAsync(await HtmlAsync(request, letter, cancellationToken), cancellationToken);
                var storedName = await vault.SaveAsync(letter.Id, pdf, cancellationToken);
                request.LetterPrinted(letter.Id, storedName, Convert.ToHexStringLower(SHA256.HashData(pdf)), pdf.Length, clock.GetUtcNow().UtcDateTime);
                printed++;
            }
            catch (Exception ex) when (ex is PdfPrinterUnavailableException or IOException or InvalidOperationException)
            {
                request.LetterFailed(letter.Id, ex.Message, clock.GetUtcNow().UtcDateTime);
                failed++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return (printed, failed);
    }

    /// <summary>The letter's HTML from the request as decided and the profile version it was filed under.</summary>
    public async Task<string> HtmlAsync(PrivacyRequest request, RequestLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(letter);
        var profile = await profiles.FindVersionAsync(request.PolicyId, request.ProfileVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Profile {request.PolicyId} version {request.ProfileVersion} is missing.");
        var letterDate = JapanTime.DateOf(new DateTimeOffset(letter.CreatedAtUtc, TimeSpan.Zero));
        var era = letter.Language == "ja";
        var rules = DeadlineRules.For(profile.Profile);
        var reference = request.Reference ?? string.Empty;
        var name = request.Requester.FullName;
        object model = letter.Kind switch
        {
            LetterKind.Acknowledgement => new AcknowledgementLetter(
                profile.Controller, profile.Profile, name, reference, letterDate,
                request.Items.Select(i => RequestType.Find(i.TypeId)).OfType<RequestType>().ToList(), request.Deadlines(rules, letterDate)[0]),
            LetterKind.FeeRequest => new FeeRequestLetter(
                profile.Controller, profile.Profile, name, reference, letterDate, new Money(request.Fee.AmountMinor ?? 0, request.Fee.Currency ?? "JPY"), request.Fee.PayBy),
            LetterKind.Extension => new ExtensionLetter(
                profile.Controller, profile.Profile, name, reference, letterDate, request.ExtensionReasons ?? string.Empty,
                request.Deadlines(rules, letterDate).First(d => d.Regime == Regime.Gdpr)),
            LetterKind.Decision => new DecisionLetter(
                profile.Controller, profile.Profile, name, reference, letterDate, request.ReceivedOn ?? letterDate, request.Items,
                request.Outcome ?? DecisionOutcome.Fulfilled,
                DecisionGround.For(profile.Profile, request.Items.Select(i => i.TypeId)).Where(g => request.DecisionGrounds.Contains(g.Code)).ToList(),
                request.DecisionReasons),
        };
        return await renderer.RenderAsync(model, letter.Language, era);
    }
}
