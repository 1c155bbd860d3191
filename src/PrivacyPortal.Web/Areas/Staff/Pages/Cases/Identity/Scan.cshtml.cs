using System.Security.Cryptography;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Verification;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Areas.Intake.Pages;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>
/// A scan of an identity document that came by post or was shown at the desk: the same checks as a requester's upload
/// (size, type read from the bytes, at most <see cref="PrivacyRequest.MaxDocuments"/>), encrypted in the same vault.
/// </summary>
[RequestSizeLimit(RequestStatusModel.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestStatusModel.MaxUploadRequestBytes)]
public sealed class ScanModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text, DocumentVault vault)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();

    public async Task<IActionResult> OnPostAsync(Guid id, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var file = input.File;
        var bytes = file is null || file.Length is 0 or > RequestDocument.MaxBytes ? [] : new byte[file.Length];
        if (bytes.Length > 0)
        {
            await using var stream = file!.OpenReadStream();
            await stream.ReadExactlyAsync(bytes, HttpContext.RequestAborted);
        }

        var contentType = bytes.Length == 0 ? null : DocumentFileType.Detect(bytes);
        string? storedName = null;
        try
        {
            return await ActAsync(id, input, Validator, "document-scanned", async (r, now) =>
            {
                if (contentType is null)
                {
                    throw new DomainException("scan.wrong-type", "Only PDF, JPEG and PNG files are accepted.");
                }

                var documentId = Guid.NewGuid();
                // Stored before the record is saved; deleted again below when the record is not.
                storedName = await vault.SaveAsync(documentId, bytes, HttpContext.RequestAborted);
                var party = input.Party == "agent" ? DocumentParty.Agent : DocumentParty.Requester;
                r.AddDocument(
                    new RequestDocument(documentId, party, RequestStatusModel.SafeName(file!.FileName), contentType, bytes.Length, storedName, Convert.ToHexStringLower(SHA256.HashData(bytes)), now),
                    Rules, now, Scope.Actor);
            });
        }
        catch (Exception) when (storedName is not null)
        {
            // Nothing half-stored: the encrypted file goes when the record was not saved.
            await vault.DeleteAsync(storedName, CancellationToken.None);
            throw;
        }
    }

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public IFormFile? File { get; set; }

        /// <summary>"agent" for the agent's own document, else the requester's.</summary>
        public string? Party { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(i => i.File).NotNull().WithErrorCode("scan.missing").WithMessage("Choose the scanned file.");
            RuleFor(i => i.File!.Length).InclusiveBetween(1, RequestDocument.MaxBytes).When(i => i.File is not null)
                .WithErrorCode("scan.too-large").WithMessage($"A document can be at most {RequestDocument.MaxMegabytes} MB.");
        }
    }
}
