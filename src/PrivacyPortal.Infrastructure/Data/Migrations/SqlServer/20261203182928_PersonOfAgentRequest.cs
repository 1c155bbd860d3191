using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyPortal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PersonOfAgentRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AnswerToPerson",
                table: "Requests",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonObjectedAtUtc",
                table: "Requests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonTokenHash",
                table: "Requests",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ToPerson",
                table: "RequestLetters",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_PersonTokenHash",
                table: "Requests",
                column: "PersonTokenHash",
                unique: true,
                filter: "[PersonTokenHash] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_PersonTokenHash",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "AnswerToPerson",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "PersonObjectedAtUtc",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "PersonTokenHash",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ToPerson",
                table: "RequestLetters");
        }
    }
}
