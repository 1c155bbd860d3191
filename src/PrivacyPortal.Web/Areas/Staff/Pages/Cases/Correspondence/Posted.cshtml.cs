using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>The officer put a printed letter in the post to a requester who hears by post.</summary>
public sealed class PostedModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InlineValidator<Input> Validator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "letter-posted", (r, now) => r.MarkLetterPosted(Scope.Actor, input.Letter, now));

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public Guid Letter { get; set; }
    }
}
