using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>A legal hold keeps the record past its retention; releasing it lets retention run again.</summary>
public sealed class HoldModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();
    private static readonly InlineValidator<ReleaseInput> ReleaseValidator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "legal-hold-placed", (r, now) => r.PlaceLegalHold(Scope.Actor, input.Reason ?? string.Empty, now));

    public Task<IActionResult> OnPostReleaseAsync(Guid id, ReleaseInput input) =>
        ActAsync(id, input, ReleaseValidator, "legal-hold-released", (r, now) => r.ReleaseLegalHold(Scope.Actor, now));

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(i => i.Reason).FitsACaseText();
    }

    public sealed record ReleaseInput : ICaseInput
    {
        public int Version { get; set; }
    }
}
