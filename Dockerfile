# The portal on the embedded default (SQLite in /app/data). Build: docker compose build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/PrivacyPortal.Web -c Release -o /out/web \
 && dotnet publish src/PrivacyPortal.Cli -c Release -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Letters are printed by Debian's Chromium with the IPAex Japanese fonts.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-ipaexfont-gothic fonts-ipaexfont-mincho \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/web /app
COPY --from=build /out/cli /app/cli
ENV ASPNETCORE_URLS=http://+:8080 \
    Portal__DataDirectory=/app/data
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "PrivacyPortal.Web.dll"]
