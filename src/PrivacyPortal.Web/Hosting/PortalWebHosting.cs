using System.Text.Encodings.Web;
using FluentValidation;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Web.Health;
using PrivacyPortal.Web.Localization;
using PrivacyPortal.Web.Staff;
using Serilog;

namespace PrivacyPortal.Web.Hosting;

public static class PortalWebHosting
{
    /// <summary>The data directory as configured, resolved against the content root.</summary>
    public static string DataDirectory(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return PortalOptions.ResolveDataDirectory(builder.Configuration, builder.Environment.ContentRootPath);
    }

    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataDirectory = builder.DataDirectory();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(PortalLogging.Create(builder.Configuration, dataDirectory), dispose: true);
        return builder;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Runs before Kestrel accepts requests: a broken profile or a failed migration stops start-up.
        services.AddHostedService<PortalStartupService>();
        services.AddHostedService<NoticeWorker>();
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(Texts)));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            string[] cultures = [Languages.English, Languages.Japanese];
            options.SetDefaultCulture(Languages.English).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The visitor's explicit choice wins over the browser's Accept-Language; ?lang= lets a link pick one.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddPortalStaff();
        services.AddRazorPages(options =>
        {
            options.Conventions.AddAreaPageRoute("Intake", "/Index", string.Empty);
            // Every staff page needs a signed-in member with a second factor, except signing in itself and the
            // 2FA set-up, which needs the password step only (its own attribute).
            string[] open = ["/Login", "/LoginCode", "/SetPassword", "/Logout", "/TwoFactor"];
            options.Conventions.AddAreaFolderApplicationModelConvention("Staff", "/", model =>
            {
                if (!open.Contains(model.ViewEnginePath))
                {
                    model.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Staff.StaffWebHosting.SignedInPolicy));
                }
            });
        });
        // One line per request: method, path, status, duration. Never query strings or bodies, which will carry tokens and personal data.
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        services.AddPortalRateLimits(configuration);
        foreach (var validator in AssemblyScanner.FindValidatorsInAssembly(typeof(PortalWebHosting).Assembly))
        {
            services.AddScoped(validator.ValidatorType);
        }

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ProfilesHealthCheck>("profiles")
            .AddCheck<NoticesHealthCheck>("notices")
            .AddCheck<LettersHealthCheck>("letters");
        // Japanese text is written as characters, not numeric entities: half the page weight and readable source.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "portal.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpLogging();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseRateLimiter();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapLanguageSwitch();
        app.MapRazorPages();
        return app;
    }
}
