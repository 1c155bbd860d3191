using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>The previewed answer goes out; later the answered case is closed.</summary>
public sealed class SendAnswerModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InlineValidator<Input> Validator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "answer-sent", (r, now) => r.SendAnswer(Scope.Actor, now, Profile.Delivery.DownloadDays));

    public Task<IActionResult> OnPostCloseAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "closed", (r, now) => r.Close(Scope.Actor, now));

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }
    }
}
