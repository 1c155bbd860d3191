using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>What is missing to confirm identity; the clock stops until it arrives.</summary>
public sealed class AskForMoreModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "identity-more-needed", (r, now) => r.RequestMoreIdentity(Scope.Actor, input.Reason ?? string.Empty, Rules, now));

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
}
