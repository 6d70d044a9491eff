"""The Python floor of bench/bulk.mjs: what any Python client of the web API must at least do.

The official Python SDK cannot be installed here (no PyPI), so the bulk benchmark compares the Node
client with this stand-in instead: Python's standard library doing the least work the Python SDK's
bulk paths do (one keep-alive `http.client` connection, as the SDK's default transport uses; JSON
bodies; the typed attribute values and base64 record data decoded into Python values). The SDK does
all of this and more per call (request and response objects, option handling), so a Node client
faster than this floor is faster than the Python SDK on the same emulator, up to one caveat: the SDK
may parse JSON with `ujson` where installed, which this floor, on the standard library, cannot.

It runs as a child of bench/bulk.mjs and reads one command per line on stdin (JSON:
`{"path": "scan" | "putRecords" | "getRecords", ...}`), runs it, and answers one JSON line on
stdout: `{"count": units done, "seconds": wall time, "cpuSeconds": this process's CPU time}`.
"""

import base64
import http.client
import json
import sys
import time
import urllib.parse


class Floor:
    def __init__(self, endpoint, access_key):
        url = urllib.parse.urlsplit(endpoint)
        self.connection = http.client.HTTPConnection(url.hostname, url.port)
        self.access_key = access_key

    def call(self, method, path, function, body):
        self.connection.request(
            method,
            path,
            body=json.dumps(body),
            headers={
                "X-v3io-function": function,
                "X-v3io-session-key": self.access_key,
                "Content-Type": "application/json",
            },
        )
        response = self.connection.getresponse()
        data = response.read()
        if response.status >= 300:
            raise RuntimeError(f"{function} answered {response.status}: {data[:200]!r}")
        return json.loads(data) if data else None


def decode_value(typed):
    # One {type: text} pair, as the platform sends typed attribute values.
    for kind, value in typed.items():
        if kind == "N":
            return float(value) if ("." in value or "e" in value or "E" in value) else int(value)
        if kind == "B":
            return base64.b64decode(value)
        return value


def scan(floor, command):
    path = f"/{command['container']}/{command['table']}"
    count = 0
    marker = None
    while True:
        body = {"AttributesToGet": "*"}
        if marker is not None:
            body["Marker"] = marker
        page = floor.call("PUT", path, "GetItems", body)
        for item in page.get("Items", []):
            decoded = {name: decode_value(value) for name, value in item.items()}
            if "age" not in decoded:
                raise RuntimeError("an item without age")
            count += 1
        if page.get("LastItemIncluded") in ("TRUE", True):
            return count
        marker = page["NextMarker"]


def put_records(floor, command):
    path = f"/{command['container']}/{command['stream']}/"
    data = command["data"].encode()
    for call in range(command["calls"]):
        records = [
            {"Data": base64.b64encode(data).decode("ascii"), "PartitionKey": f"key-{call}-{index}"}
            for index in range(command["recordsPerCall"])
        ]
        if floor.call("POST", path, "PutRecords", {"Records": records})["FailedRecordCount"] > 0:
            raise RuntimeError("PutRecords failed")
    return command["calls"] * command["recordsPerCall"]


def get_records(floor, command):
    path = f"/{command['container']}/{command['stream']}/0/"
    read = 0
    for _ in range(command["passes"]):
        location = floor.call("PUT", path, "SeekShard", {"Type": "EARLIEST"})["Location"]
        while True:
            page = floor.call("PUT", path, "GetRecords", {"Location": location, "Limit": 1000})
            records = [
                {
                    "data": base64.b64decode(record["Data"]),
                    "sequence_number": record.get("SequenceNumber"),
                    "arrival_time_sec": record.get("ArrivalTimeSec"),
                    "arrival_time_nsec": record.get("ArrivalTimeNSec"),
                }
                for record in page.get("Records", [])
            ]
            read += len(records)
            location = page["NextLocation"]
            if not records or page.get("RecordsBehindLatest") == 0:
                break
    return read


PATHS = {"scan": scan, "putRecords": put_records, "getRecords": get_records}


def main():
    endpoint, access_key = sys.argv[1], sys.argv[2]
    floor = Floor(endpoint, access_key)
    for line in sys.stdin:
        command = json.loads(line)
        started, cpu = time.perf_counter(), time.process_time()
        count = PATHS[command["path"]](floor, command)
        answer = {
            "count": count,
            "seconds": time.perf_counter() - started,
            "cpuSeconds": time.process_time() - cpu,
        }
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
