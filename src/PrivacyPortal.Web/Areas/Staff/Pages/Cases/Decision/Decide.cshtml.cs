using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>
/// One request type's answer, and the disclosed data it carries: files attached in review (type from the bytes,
/// encrypted, 100 MB per request) so the letter lists exactly what is delivered.
/// </summary>
[RequestSizeLimit(MaxAttachRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxAttachRequestBytes)]
public sealed class DecideModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text, DocumentVault vault)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    /// <summary>The most one attach post may carry: the per-request limit and the form around it.</summary>
    public const long MaxAttachRequestBytes = DisclosedFile.MaxBytesPerRequest + (1024 * 1024);

    private static readonly InputValidator Validator = new();
    private static readonly AttachInputValidator AttachValidator = new();
    private static readonly InlineValidator<RemoveInput> RemoveValidator = new();

    /// <summary>Decides one item; a request of one type, or with one item left, needs no item named.</summary>
    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "decided", (r, now) =>
        {
            var undecided = r.UndecidedItems();
            var typeId = string.IsNullOrEmpty(input.Item) && undecided.Count == 1 ? undecided[0].TypeId : input.Item ?? string.Empty;
            r.Decide(Scope.Actor, typeId, new ItemAnswer(Enum.Parse<DecisionOutcome>(input.Outcome!), input.Grounds ?? [], input.Reasons, input.Changes, input.Method, input.MethodReasons), Profile, Rules, now);
        });

    public async Task<IActionResult> OnPostAttachAsync(Guid id, AttachInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var file = input.File;
        var bytes = file is null || file.Length is 0 or > DisclosedFile.MaxBytesPerRequest ? [] : new byte[file.Length];
        if (bytes.Length > 0)
        {
            await using var stream = file!.OpenReadStream();
            await stream.ReadExactlyAsync(bytes, HttpContext.RequestAborted);
        }

        var name = Intake.Pages.RequestStatusModel.SafeName(file?.FileName);
        var contentType = bytes.Length == 0 ? null : DisclosedFileType.Detect(bytes, name);
        string? storedName = null;
        try
        {
            return await ActAsync(id, input, AttachValidator, "disclosed-file-attached", async (r, now) =>
            {
                if (contentType is null)
                {
                    throw new DomainException("deliver.wrong-type", "The file's contents do not match its name.");
                }

                var fileId = Guid.NewGuid();
                // Stored before the record is saved; deleted again below when the record is not.
                storedName = await vault.SaveAsync(fileId, bytes, HttpContext.RequestAborted);
                r.AttachDisclosedFile(Scope.Actor, new DisclosedFile(fileId, name, contentType, bytes.Length, storedName, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), now), now);
            });
        }
        catch (Exception) when (storedName is not null)
        {
            // Nothing half-stored: the encrypted file goes when the record was not saved.
            await vault.DeleteAsync(storedName, CancellationToken.None);
            throw;
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, RemoveInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string? storedName = null;
        var result = await ActAsync(id, input, RemoveValidator, "disclosed-file-removed", (r, now) => storedName = r.RemoveDisclosedFile(Scope.Actor, input.File, now).StoredName);
        if (result is RedirectResult && storedName is not null)
        {
            await vault.DeleteAsync(storedName, CancellationToken.None);
        }

        return result;
    }

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public string? Item { get; set; }

        public string? Outcome { get; set; }

        public string[]? Grounds { get; set; }

        public string? Reasons { get; set; }

        public string? Changes { get; set; }

        public string? Method { get; set; }

        public string? MethodReasons { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(i => i.Outcome).Must(o => Enum.TryParse<DecisionOutcome>(o, out var chosen) && Enum.IsDefined(chosen) && !int.TryParse(o, out _))
                .WithErrorCode("decide.outcome").WithMessage("Choose the decision.");
            RuleForEach(i => i.Grounds).MaximumLength(80).WithErrorCode("decide.unknown-ground").WithMessage("Not a ground that applies to this request.");
        }
    }

    public sealed record AttachInput : ICaseInput
    {
        public int Version { get; set; }

        public IFormFile? File { get; set; }
    }

    public sealed class AttachInputValidator : AbstractValidator<AttachInput>
    {
        public AttachInputValidator()
        {
            RuleFor(i => i.File).NotNull().WithErrorCode("deliver.missing").WithMessage("Choose a file to attach.");
            RuleFor(i => i.File!.Length).InclusiveBetween(1, DisclosedFile.MaxBytesPerRequest).When(i => i.File is not null)
                .WithErrorCode("deliver.too-large").WithMessage($"The files of one answer can weigh at most {DisclosedFile.MaxMegabytesPerRequest} MB together.");
        }
    }

    public sealed record RemoveInput : ICaseInput
    {
        public int Version { get; set; }

        public Guid File { get; set; }
    }
}
