# Sourced by .ci/run: start a throwaway PostgreSQL on loopback for the server-database tests.
# Exports WALKTHROUGH_TEST_POSTGRES_URL; the cluster is stopped and removed when CI exits.

start_test_postgres() {
    local bin port=55432 folder
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || ! id postgres >/dev/null 2>&1; then
        echo "PostgreSQL is not installed: the server-database tests will be skipped."
        return 0
    fi
    folder=$(mktemp -d /tmp/walkthrough-pg.XXXXXX)
    chown postgres "$folder"
    runuser -u postgres -- "$bin/initdb" -D "$folder/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w \
        -o "-p $port -k $folder -c listen_addresses=127.0.0.1" start >/dev/null
    runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" walkthrough_test
    export WALKTHROUGH_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$port/walkthrough_test"
    # shellcheck disable=SC2064
    trap "runuser -u postgres -- '$bin/pg_ctl' -D '$folder/data' -m immediate stop >/dev/null; rm -rf '$folder'" EXIT
    echo "PostgreSQL test server on 127.0.0.1:$port"
}
