using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>Controllers, policies and versioned procedure profiles.</summary>
[DbContext(typeof(HandWrittenSqliteContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataControllers",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                NameJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                ReferencePrefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataControllers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Policies",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                DataControllerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                TitleJa = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                SearchText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Policies", x => x.Id);
                table.ForeignKey(
                    name: "FK_Policies_DataControllers_DataControllerId",
                    column: x => x.DataControllerId,
                    principalTable: "DataControllers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProfileVersions",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PolicyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Number = table.Column<int>(type: "INTEGER", nullable: false),
                ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Content = table.Column<string>(type: "TEXT", nullable: false),
                SourcePath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProfileVersions", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProfileVersions_Policies_PolicyId",
                    column: x => x.PolicyId,
                    principalTable: "Policies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_DataControllers_ReferencePrefix",
            table: "DataControllers",
            column: "ReferencePrefix",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Policies_DataControllerId",
            table: "Policies",
            column: "DataControllerId");

        migrationBuilder.CreateIndex(
            name: "IX_ProfileVersions_PolicyId_Number",
            table: "ProfileVersions",
            columns: ["PolicyId", "Number"],
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ProfileVersions");
        migrationBuilder.DropTable(name: "Policies");
        migrationBuilder.DropTable(name: "DataControllers");
    }
}
