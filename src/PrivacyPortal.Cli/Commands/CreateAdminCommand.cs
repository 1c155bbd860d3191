using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal create-admin --email ADDRESS [--name NAME]: the first administrator. Prints a single-use link to set the
/// password (valid 24 hours); the second factor is set up at first sign-in.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var email = context.Command.Required("email");
        if (!MailboxAddress.TryParse(email, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new UsageException($"--email '{email}' is not an email address.");
        }

        await using var scope = context.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigratePortalAsync();
        }

        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(email, context.Command.Option("name") ?? email, StaffRoles.Administrator, [], "portal create-admin", CancellationToken.None);
            await context.Out.WriteLineAsync($"Administrator {email} created.");
            await context.Out.WriteLineAsync("Open this link once, within 24 hours, to set the password; the authenticator app is set up at first sign-in:");
            await context.Out.WriteLineAsync(created.SetPasswordLink.ToString());
            return ExitCodes.Ok;
        }
        catch (DomainException ex)
        {
            await context.Error.WriteLineAsync($"portal: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
