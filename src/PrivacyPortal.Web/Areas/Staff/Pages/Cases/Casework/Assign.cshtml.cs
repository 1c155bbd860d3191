using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>Gives the case to an officer of its controller, or takes it back.</summary>
public sealed class AssignModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "assigned", (r, now) =>
        {
            var chosen = string.IsNullOrEmpty(input.Assignee) ? null : input.Assignee;
            if (chosen is not null && Officers.All(o => o.Id != chosen))
            {
                throw new DomainException("assign.unknown", "Cases can be assigned only to officers of this controller.");
            }

            r.Assign(Scope.Actor, chosen, now);
        });

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public string? Assignee { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(i => i.Assignee).MaximumLength(450).WithErrorCode("assign.unknown").WithMessage("Cases can be assigned only to officers of this controller.");
    }
}
