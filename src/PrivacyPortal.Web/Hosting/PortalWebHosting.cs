using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using PrivacyPortal.Infrastructure.Hosting;
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
        // A logger per host (not the static Log.Logger): test hosts and the CLI each keep their own files.
        builder.Host.UseSerilog((context, _, logger) => PortalLogging.Configure(logger, context.Configuration, dataDirectory));
        return builder;
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Runs before Kestrel accepts requests: a broken profile or a failed migration stops start-up.
        services.AddHostedService<PortalStartupService>();
        services.AddHostedService<Infrastructure.Jobs.PortalJobHost>();
        services.AddSingleton<IPortalPaths>(PortalRoutes.Instance);
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
        services.AddPortalRateLimits(configuration);
        services.AddPortalForwardedHeaders(configuration);
        services.AddPortalTransportSecurity(configuration);
        // Validators are registered, never run automatically: each handler validates its input explicitly.
        services.AddValidatorsFromAssembly(typeof(PortalWebHosting).Assembly, ServiceLifetime.Scoped);

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ProfilesHealthCheck>("profiles")
            .AddCheck<NoticesHealthCheck>("notices")
            .AddCheck<LettersHealthCheck>("letters")
            .AddCheck<JobsHealthCheck>("jobs");
        services.AddPortalHealthDetailsPolicy(configuration);
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
        // First: everything after (logging, rate limits, links, cookies) sees the client behind a known proxy.
        app.UseForwardedHeaders();
        app.UsePortalTransportSecurity();
        // One structured line per request: method, path (secrets redacted), status, duration. Never the query string
        // or a body, which carry tokens and personal data.
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new Serilog.Events.LogEventProperty("RequestMethod", new Serilog.Events.ScalarValue(context.Request.Method)),
                new Serilog.Events.LogEventProperty("RequestPath", new Serilog.Events.ScalarValue(RequestLogPaths.Of(context))),
                new Serilog.Events.LogEventProperty("StatusCode", new Serilog.Events.ScalarValue(status)),
                new Serilog.Events.LogEventProperty("Elapsed", new Serilog.Events.ScalarValue(elapsed)),
            ];
        });
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseLanguageFromLink();
        app.UseRouting();
        // After routing: a page's own policy (staff sign-in) is read from its endpoint.
        app.UseRateLimiter();
        app.Use(RequestLogPaths.Remember);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapPortalHealth();
        app.MapLanguageSwitch();
        app.MapRazorPages();
        return app;
    }
}
