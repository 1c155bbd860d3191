using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>
/// The person an agent filed for told the desk (by phone, letter or email) that they did not ask for the request:
/// the officer records it and how it came, as the person's own link would have.
/// </summary>
public sealed class PersonObjectionModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "person-objected", (r, now) => r.RecordPersonObjection(Scope.Actor, input.How ?? string.Empty, now));

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        /// <summary>How the person told the company (a call on a date, a letter, an email).</summary>
        public string? How { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(i => i.How).FitsACaseText();
    }
}
