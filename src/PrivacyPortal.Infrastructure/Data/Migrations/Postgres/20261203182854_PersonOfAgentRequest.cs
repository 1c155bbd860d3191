using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyPortal.Infrastructure.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonObjectedAtUtc",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonTokenHash",
                table: "Requests",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ToPerson",
                table: "RequestLetters",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The defaults only filled the rows already there (no agent's answer to the person, no letter to them); the model has none.
            migrationBuilder.Sql("ALTER TABLE \"Requests\" ALTER COLUMN \"AnswerToPerson\" DROP DEFAULT");
            migrationBuilder.Sql("ALTER TABLE \"RequestLetters\" ALTER COLUMN \"ToPerson\" DROP DEFAULT");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_PersonTokenHash",
                table: "Requests",
                column: "PersonTokenHash",
                unique: true);
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
