using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BlendSign.Data.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<long>(type: "bigint", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Entity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ScanId = table.Column<int>(type: "integer", nullable: true),
                    SliceId = table.Column<int>(type: "integer", nullable: true),
                    SubjectName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GoldSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SliceCount = table.Column<int>(type: "integer", nullable: false),
                    NonIchCount = table.Column<int>(type: "integer", nullable: false),
                    NormalIchCount = table.Column<int>(type: "integer", nullable: false),
                    BlendSignCount = table.Column<int>(type: "integer", nullable: false),
                    UnresolvedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoldSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Scans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PseudonymousId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StudyInstanceUid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeriesInstanceUid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Modality = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SeriesDescription = table.Column<string>(type: "text", nullable: true),
                    PatientAgeYears = table.Column<double>(type: "double precision", nullable: true),
                    ImportedAt = table.Column<long>(type: "bigint", nullable: false),
                    Exclusion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ExclusionNote = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConfigurationJson = table.Column<string>(type: "text", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    GoldSnapshotId = table.Column<int>(type: "integer", nullable: true),
                    Device = table.Column<string>(type: "text", nullable: true),
                    AblationGroup = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Variant = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ResumeCount = table.Column<int>(type: "integer", nullable: false),
                    CodeVersion = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    ProgressMessage = table.Column<string>(type: "text", nullable: true),
                    ProgressFraction = table.Column<double>(type: "double precision", nullable: false),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    OofPredictionsPath = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRuns_GoldSnapshots_GoldSnapshotId",
                        column: x => x.GoldSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScanAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScanId = table.Column<int>(type: "integer", nullable: false),
                    RaterId = table.Column<string>(type: "text", nullable: false),
                    AssignedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanAssignments_AspNetUsers_RaterId",
                        column: x => x.RaterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScanAssignments_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Slices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScanId = table.Column<int>(type: "integer", nullable: false),
                    SopInstanceUid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SliceIndex = table.Column<int>(type: "integer", nullable: false),
                    InstanceNumber = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<double>(type: "double precision", nullable: true),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Columns = table.Column<int>(type: "integer", nullable: false),
                    PixelSpacingRow = table.Column<double>(type: "double precision", nullable: true),
                    PixelSpacingColumn = table.Column<double>(type: "double precision", nullable: true),
                    StoreKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TransferSyntaxUid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Slices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Slices_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Adjudications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedById = table.Column<string>(type: "text", nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adjudications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Adjudications_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoldSnapshotBoxes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GoldSnapshotId = table.Column<int>(type: "integer", nullable: false),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    CenterX = table.Column<double>(type: "double precision", nullable: false),
                    CenterY = table.Column<double>(type: "double precision", nullable: false),
                    Left = table.Column<double>(type: "double precision", nullable: false),
                    Top = table.Column<double>(type: "double precision", nullable: false),
                    Right = table.Column<double>(type: "double precision", nullable: false),
                    Bottom = table.Column<double>(type: "double precision", nullable: false),
                    Support = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoldSnapshotBoxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoldSnapshotBoxes_GoldSnapshots_GoldSnapshotId",
                        column: x => x.GoldSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoldSnapshotBoxes_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoldSnapshotEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GoldSnapshotId = table.Column<int>(type: "integer", nullable: false),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Votes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoldSnapshotEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoldSnapshotEntries_GoldSnapshots_GoldSnapshotId",
                        column: x => x.GoldSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoldSnapshotEntries_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HemorrhageBoxes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    RaterId = table.Column<string>(type: "text", nullable: false),
                    CenterX = table.Column<double>(type: "double precision", nullable: false),
                    CenterY = table.Column<double>(type: "double precision", nullable: false),
                    Left = table.Column<double>(type: "double precision", nullable: false),
                    Top = table.Column<double>(type: "double precision", nullable: false),
                    Right = table.Column<double>(type: "double precision", nullable: false),
                    Bottom = table.Column<double>(type: "double precision", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HemorrhageBoxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HemorrhageBoxes_AspNetUsers_RaterId",
                        column: x => x.RaterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HemorrhageBoxes_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    TrainingRunId = table.Column<int>(type: "integer", nullable: false),
                    GoldSnapshotId = table.Column<int>(type: "integer", nullable: false),
                    ResultSnapshotId = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OldLabel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NewLabel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewerId = table.Column<string>(type: "text", nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: false),
                    RereadCompletedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_GoldSnapshots_GoldSnapshotId",
                        column: x => x.GoldSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_GoldSnapshots_ResultSnapshotId",
                        column: x => x.ResultSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_TrainingRuns_TrainingRunId",
                        column: x => x.TrainingRunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SliceLabels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    RaterId = table.Column<string>(type: "text", nullable: false),
                    Label = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SliceLabels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SliceLabels_AspNetUsers_RaterId",
                        column: x => x.RaterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SliceLabels_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlicePredictions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrainingRunId = table.Column<int>(type: "integer", nullable: false),
                    SliceId = table.Column<int>(type: "integer", nullable: false),
                    Fold = table.Column<int>(type: "integer", nullable: false),
                    GoldLabel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PNonIch = table.Column<double>(type: "double precision", nullable: false),
                    PNormalIch = table.Column<double>(type: "double precision", nullable: false),
                    PBlendSign = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlicePredictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlicePredictions_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SlicePredictions_TrainingRuns_TrainingRunId",
                        column: x => x.TrainingRunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Adjudications_SliceId",
                table: "Adjudications",
                column: "SliceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_At",
                table: "AuditEntries",
                columns: new[] { "Entity", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SliceId",
                table: "AuditEntries",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshotBoxes_GoldSnapshotId_SliceId",
                table: "GoldSnapshotBoxes",
                columns: new[] { "GoldSnapshotId", "SliceId" });

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshotBoxes_SliceId",
                table: "GoldSnapshotBoxes",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshotEntries_GoldSnapshotId_SliceId",
                table: "GoldSnapshotEntries",
                columns: new[] { "GoldSnapshotId", "SliceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshotEntries_SliceId",
                table: "GoldSnapshotEntries",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshots_ContentHash",
                table: "GoldSnapshots",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HemorrhageBoxes_RaterId",
                table: "HemorrhageBoxes",
                column: "RaterId");

            migrationBuilder.CreateIndex(
                name: "IX_HemorrhageBoxes_SliceId_RaterId",
                table: "HemorrhageBoxes",
                columns: new[] { "SliceId", "RaterId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_GoldSnapshotId",
                table: "ReviewDecisions",
                column: "GoldSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_ResultSnapshotId",
                table: "ReviewDecisions",
                column: "ResultSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_SliceId",
                table: "ReviewDecisions",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_TrainingRunId_SliceId",
                table: "ReviewDecisions",
                columns: new[] { "TrainingRunId", "SliceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanAssignments_RaterId",
                table: "ScanAssignments",
                column: "RaterId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanAssignments_ScanId_RaterId",
                table: "ScanAssignments",
                columns: new[] { "ScanId", "RaterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scans_PseudonymousId",
                table: "Scans",
                column: "PseudonymousId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scans_StudyInstanceUid_SeriesInstanceUid",
                table: "Scans",
                columns: new[] { "StudyInstanceUid", "SeriesInstanceUid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SliceLabels_RaterId",
                table: "SliceLabels",
                column: "RaterId");

            migrationBuilder.CreateIndex(
                name: "IX_SliceLabels_SliceId_RaterId",
                table: "SliceLabels",
                columns: new[] { "SliceId", "RaterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlicePredictions_SliceId",
                table: "SlicePredictions",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_SlicePredictions_TrainingRunId_SliceId",
                table: "SlicePredictions",
                columns: new[] { "TrainingRunId", "SliceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Slices_ScanId_SliceIndex",
                table: "Slices",
                columns: new[] { "ScanId", "SliceIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_Slices_SopInstanceUid",
                table: "Slices",
                column: "SopInstanceUid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Slices_StoreKey",
                table: "Slices",
                column: "StoreKey");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_AblationGroup",
                table: "TrainingRuns",
                column: "AblationGroup");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_GoldSnapshotId",
                table: "TrainingRuns",
                column: "GoldSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_Status",
                table: "TrainingRuns",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Adjudications");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "GoldSnapshotBoxes");

            migrationBuilder.DropTable(
                name: "GoldSnapshotEntries");

            migrationBuilder.DropTable(
                name: "HemorrhageBoxes");

            migrationBuilder.DropTable(
                name: "ReviewDecisions");

            migrationBuilder.DropTable(
                name: "ScanAssignments");

            migrationBuilder.DropTable(
                name: "SliceLabels");

            migrationBuilder.DropTable(
                name: "SlicePredictions");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Slices");

            migrationBuilder.DropTable(
                name: "TrainingRuns");

            migrationBuilder.DropTable(
                name: "Scans");

            migrationBuilder.DropTable(
                name: "GoldSnapshots");
        }
    }
}
