// The SQLite writer: documents, events, entities (the actors of each event), quotes and errors in
// one database file, with indexes, and the run's checkpoint in a `run` key/value table (schema in
// docs/formats.md).
//
// Rows are inserted through prepared statements inside one transaction per checkpoint (about a
// second of work); Commit() updates `run` and commits, so the rows and the checkpoint always
// agree, and a run killed mid-transaction is rolled back by SQLite itself to the last
// checkpoint. Row ids follow input order (documents.id is the input record number, events.id
// the run-wide event number), so the database is the same at any thread count.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "output/formatters.h"

namespace dragoman {
namespace {

constexpr char kSchema[] = R"sql(
CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, date TEXT, sentences INTEGER NOT NULL,
  events INTEGER NOT NULL, discarded INTEGER NOT NULL, meta TEXT);
CREATE TABLE events (
  id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id), date TEXT,
  sentence_index INTEGER NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  source_code TEXT NOT NULL, target_code TEXT, cameo TEXT NOT NULL, root_code TEXT NOT NULL,
  quad_class INTEGER, goldstein REAL, plover_event TEXT, plover_mode TEXT, plover_context TEXT,
  verb_text TEXT NOT NULL, verb_start INTEGER NOT NULL, verb_end INTEGER NOT NULL,
  negated INTEGER NOT NULL, rule TEXT NOT NULL, location_name TEXT, location_country TEXT,
  location_admin1 TEXT, location_lat REAL, location_lon REAL, location_kind TEXT,
  location_source TEXT, location_start INTEGER, location_end INTEGER);
CREATE TABLE entities (
  id INTEGER PRIMARY KEY, event INTEGER NOT NULL REFERENCES events(id),
  role TEXT NOT NULL CHECK (role IN ('source', 'target')), code TEXT NOT NULL, country TEXT NOT NULL,
  sector TEXT NOT NULL, text TEXT NOT NULL, text_start INTEGER NOT NULL, text_end INTEGER NOT NULL,
  rule TEXT NOT NULL);
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id), text TEXT NOT NULL,
  text_start INTEGER NOT NULL, text_end INTEGER NOT NULL, speaker_text TEXT, speaker_code TEXT,
  speaker_start INTEGER, speaker_end INTEGER);
CREATE TABLE errors (id INTEGER PRIMARY KEY, file TEXT NOT NULL, line INTEGER NOT NULL,
  message TEXT NOT NULL);
CREATE INDEX documents_doc_id ON documents(doc_id);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX events_document ON events(document);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
CREATE INDEX events_location_country ON events(location_country);
CREATE INDEX entities_event ON entities(event);
CREATE INDEX entities_code ON entities(code);
CREATE INDEX quotes_document ON quotes(document);
)sql";

class Statement {
 public:
  Statement() = default;
  ~Statement() { Finalize(); }
  void Finalize() {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  int Prepare(sqlite3* db, const char* sql) {
    return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  }
  // Binds parameters in order; text is copied (SQLITE_TRANSIENT) after UTF-8 repair.
  Statement& Text(std::string_view s) {
    std::string clean;
    AppendValidUtf8(s, &clean);
    sqlite3_bind_text(stmt_, ++index_, clean.data(), static_cast<int>(clean.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Int(int64_t v) {
    sqlite3_bind_int64(stmt_, ++index_, v);
    return *this;
  }
  Statement& Real(double v) {
    sqlite3_bind_double(stmt_, ++index_, v);
    return *this;
  }
  Statement& Null() {
    sqlite3_bind_null(stmt_, ++index_);
    return *this;
  }
  Statement& TextOrNull(std::string_view s) { return s.empty() ? Null() : Text(s); }
  // Runs the statement and resets it for the next row.
  int Run() {
    int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    index_ = 0;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
  }
 private:
  sqlite3_stmt* stmt_ = nullptr;
  int index_ = 0;
};

class SqliteWriter : public Writer {
 public:
  SqliteWriter(sqlite3* db, std::string path, std::string dictionaries)
      : db_(db), path_(std::move(path)), dictionaries_(std::move(dictionaries)) {}
  ~SqliteWriter() override {
    // close_v2 waits for the statements (members, finalized after this body); an open
    // transaction is rolled back.
    if (db_) sqlite3_close_v2(db_);
  }

  Status Prepare() {
    const std::pair<Statement*, const char*> statements[] = {
        {&document_, "INSERT INTO documents VALUES (?,?,?,?,?,?,?)"},
        {&event_,
         "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
        {&entity_,
         "INSERT INTO entities (event, role, code, country, sector, text, text_start, text_end, "
         "rule) VALUES (?,?,?,?,?,?,?,?,?)"},
        {&quote_,
         "INSERT INTO quotes (document, text, text_start, text_end, speaker_text, speaker_code, "
         "speaker_start, speaker_end) VALUES (?,?,?,?,?,?,?,?)"},
        {&error_, "INSERT INTO errors VALUES (?,?,?,?)"},
        {&run_, "INSERT OR REPLACE INTO run VALUES (?,?)"},
    };
    for (const auto& [stmt, sql] : statements)
      if (stmt->Prepare(db_, sql) != SQLITE_OK) return Error("prepare");
    return Status::Ok();
  }

  Status WriteDocument(const OutputDocument& d) override {
    if (Status s = Begin(); !s.ok()) return s;
    const Document& doc = *d.document;
    const CodedDocument& coded = *d.coded;
    std::string_view text = doc.text;
    document_.Int(static_cast<int64_t>(d.number))
        .Text(doc.id)
        .TextOrNull(FormatDay(coded.date))
        .Int(static_cast<int64_t>(coded.sentences.size()))
        .Int(static_cast<int64_t>(d.events->size()))
        .Int(coded.discarded)
        .TextOrNull(d.meta_json);
    if (document_.Run() != SQLITE_OK) return Error("insert into documents");
    int64_t number = static_cast<int64_t>(d.first_event_number);
    for (uint32_t i : *d.events) {
      const Event& e = coded.events[i];
      std::string_view code = e.cameo;
      event_.Int(number)
          .Int(static_cast<int64_t>(d.number))
          .TextOrNull(FormatDay(e.date))
          .Int(e.sentence_index)
          .Int(e.sentence.start)
          .Int(e.sentence.end)
          .Text(e.source.code);
      if (e.has_target) event_.Text(e.target.code);
      else event_.Null();
      event_.Text(code).Text(code.substr(0, std::min<size_t>(2, code.size())));
      if (e.info) {
        event_.Int(e.info->quad_class)
            .Real(e.info->goldstein)
            .TextOrNull(e.info->plover_event)
            .TextOrNull(e.info->plover_mode)
            .TextOrNull(e.info->plover_context);
      } else {
        event_.Null().Null().Null().Null().Null();
      }
      event_.Text(SpanText(text, e.verb))
          .Int(e.verb.start)
          .Int(e.verb.end)
          .Int(e.negated)
          .Text(e.rule);
      Location(e);
      if (event_.Run() != SQLITE_OK) return Error("insert into events");
      if (Status s = Entity(number, "source", text, e.source); !s.ok()) return s;
      if (e.has_target) {
        if (Status s = Entity(number, "target", text, e.target); !s.ok()) return s;
      }
      ++number;
    }
    for (const Quote& q : coded.quotes) {
      quote_.Int(static_cast<int64_t>(d.number))
          .Text(SpanText(text, q.span))
          .Int(q.span.start)
          .Int(q.span.end);
      if (q.speaker.end > q.speaker.start) {
        quote_.Text(SpanText(text, q.speaker))
            .TextOrNull(q.speaker_code)
            .Int(q.speaker.start)
            .Int(q.speaker.end);
      } else {
        quote_.Null().Null().Null().Null();
      }
      if (quote_.Run() != SQLITE_OK) return Error("insert into quotes");
    }
    return Status::Ok();
  }

  Status WriteError(uint64_t number, std::string_view file, uint64_t line,
                    std::string_view message) override {
    if (Status s = Begin(); !s.ok()) return s;
    error_.Int(static_cast<int64_t>(number)).Text(file).Int(static_cast<int64_t>(line)).Text(message);
    if (error_.Run() != SQLITE_OK) return Error("insert into errors");
    return Status::Ok();
  }

  Status Commit(const Checkpoint& checkpoint) override { return CommitRun(checkpoint, false); }

  Status Finish(const Checkpoint& checkpoint) override {
    if (Status s = CommitRun(checkpoint, true); !s.ok()) return s;
    for (Statement* s : {&document_, &event_, &entity_, &quote_, &error_, &run_}) s->Finalize();
    int rc = sqlite3_close(db_);
    db_ = nullptr;
    if (rc != SQLITE_OK) return Status::IOError(path_ + ": cannot close the database");
    return Status::Ok();
  }

 private:
  // The location_* columns of an event row (NULL when the event has no location).
  void Location(const Event& e) {
    if (!e.has_location) {
      for (int k = 0; k < 9; ++k) event_.Null();
      return;
    }
    const dragoman::Location& l = e.location;
    event_.Text(l.name).Text(l.country).TextOrNull(l.admin1);
    if (l.has_coordinates) event_.Real(l.lat).Real(l.lon);
    else event_.Null().Null();
    event_.Text(l.kind)
        .Text(l.from_dateline ? "dateline" : "sentence")
        .Int(l.span.start)
        .Int(l.span.end);
  }

  Status Error(const char* what) {
    return Status::IOError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }

  Status Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      Status s = Status::IOError(path_ + ": " + (message ? message : "error"));
      sqlite3_free(message);
      return s;
    }
    return Status::Ok();
  }

  Status Begin() {
    if (in_transaction_) return Status::Ok();
    if (Status s = Exec("BEGIN"); !s.ok()) return s;
    in_transaction_ = true;
    return Status::Ok();
  }

  Status Entity(int64_t event, const char* role, std::string_view text, const ActorMention& a) {
    entity_.Int(event)
        .Text(role)
        .Text(a.code)
        .Text(a.country)
        .Text(a.sector)
        .Text(SpanText(text, a.span))
        .Int(a.span.start)
        .Int(a.span.end)
        .Text(a.rule);
    if (entity_.Run() != SQLITE_OK) return Error("insert into entities");
    return Status::Ok();
  }

  Status CommitRun(const Checkpoint& c, bool complete) {
    if (Status s = Begin(); !s.ok()) return s;
    const std::pair<const char*, std::string> values[] = {
        {"schema", "1"},
        {"identity", c.identity},
        {"dictionaries", dictionaries_},
        {"records", std::to_string(c.records)},
        {"documents", std::to_string(c.documents)},
        {"errors", std::to_string(c.errors)},
        {"events", std::to_string(c.events)},
        {"complete", complete ? "1" : "0"},
    };
    for (const auto& [key, value] : values) {
      run_.Text(key).Text(value);
      if (run_.Run() != SQLITE_OK) return Error("update run");
    }
    in_transaction_ = false;
    return Exec("COMMIT");
  }

  sqlite3* db_;
  std::string path_;
  std::string dictionaries_;
  bool in_transaction_ = false;
  Statement document_, event_, entity_, quote_, error_, run_;
};

// Reads the checkpoint from the run table.
Status ReadRun(sqlite3* db, const std::string& path, Checkpoint* c) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT key, value FROM run", -1, &stmt, nullptr) != SQLITE_OK)
    return Status::NotFound(path + ": not a dragoman database to resume");
  int seen = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string key = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    const char* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
    std::string value = text ? text : "";
    uint64_t n = std::strtoull(value.c_str(), nullptr, 10);
    if (key == "identity") c->identity = value, ++seen;
    else if (key == "records") c->records = n, ++seen;
    else if (key == "documents") c->documents = n, ++seen;
    else if (key == "errors") c->errors = n, ++seen;
    else if (key == "events") c->events = n, ++seen;
  }
  sqlite3_finalize(stmt);
  if (seen != 5) return Status::NotFound(path + ": no saved progress to resume from");
  return Status::Ok();
}

// A database written before events had locations gets their columns, so that it can be resumed.
template <typename Exec>
Status AddLocationColumns(sqlite3* db, const Exec& exec) {
  sqlite3_stmt* stmt = nullptr;
  bool has = false;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('events') WHERE name='location_name'",
                         -1, &stmt, nullptr) == SQLITE_OK)
    has = sqlite3_step(stmt) == SQLITE_ROW;
  sqlite3_finalize(stmt);
  if (has) return Status::Ok();
  return exec(
      "ALTER TABLE events ADD COLUMN location_name TEXT;"
      "ALTER TABLE events ADD COLUMN location_country TEXT;"
      "ALTER TABLE events ADD COLUMN location_admin1 TEXT;"
      "ALTER TABLE events ADD COLUMN location_lat REAL;"
      "ALTER TABLE events ADD COLUMN location_lon REAL;"
      "ALTER TABLE events ADD COLUMN location_kind TEXT;"
      "ALTER TABLE events ADD COLUMN location_source TEXT;"
      "ALTER TABLE events ADD COLUMN location_start INTEGER;"
      "ALTER TABLE events ADD COLUMN location_end INTEGER;");
}

}  // namespace

Result<std::unique_ptr<Writer>> OpenSqliteWriter(const OutputOptions& options, bool resume,
                                                 Checkpoint* checkpoint) {
  const std::string& path = options.path;
  if (resume && ::access(path.c_str(), F_OK) != 0)
    return Status::NotFound(path + ": no database to resume");
  if (!resume) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((path + suffix).c_str());
  }
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (resume ? 0 : SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status s = Status::IOError(path + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
    sqlite3_close(db);
    return s;
  }
  auto writer = std::make_unique<SqliteWriter>(db, path, options.dictionaries);
  auto exec = [&](const char* sql) -> Status {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      Status s = Status::IOError(path + ": " + (message ? message : "error"));
      sqlite3_free(message);
      return s;
    }
    return Status::Ok();
  };
  // WAL with synchronous=NORMAL: a crash never corrupts the database, and commits are cheap.
  if (Status s = exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !s.ok()) return s;
  if (resume) {
    if (Status s = ReadRun(db, path, checkpoint); !s.ok()) return s;
    if (Status s = AddLocationColumns(db, exec); !s.ok()) return s;
  } else if (Status s = exec(kSchema); !s.ok()) {
    return s;
  }
  if (Status s = writer->Prepare(); !s.ok()) return s;
  return std::unique_ptr<Writer>(std::move(writer));
}

}  // namespace dragoman
