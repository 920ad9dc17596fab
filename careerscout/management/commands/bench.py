import json
from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerscout import bench
from careerscout.management.database import ensure_migrated


class Command(BaseCommand):
    help = (
        "Time the busiest pages on a throwaway account with many people (created in the "
        "configured database on first use, then reused) and print the figures."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--contacts", type=int, default=30_000, help="People in the account (default: 30,000)."
        )
        parser.add_argument(
            "--requests", type=int, default=30, help="Timed requests per page (default: 30)."
        )
        parser.add_argument(
            "--rounds",
            type=int,
            default=3,
            help="Measure every page this many times and keep its best round (default: 3).",
        )
        parser.add_argument("--json", action="store_true", help="Print one JSON document.")
        parser.add_argument(
            "--strict", action="store_true", help="Exit with 1 when a page misses its target."
        )
        parser.add_argument(
            "--drop", action="store_true", help="Delete the benchmark account afterwards."
        )
        parser.add_argument(
            "--skip-import",
            action="store_true",
            help="Leave out the 30,000-row import benchmark (it takes a while).",
        )

    def handle(self, *args, **options) -> None:
        if min(options["contacts"], options["requests"], options["rounds"]) < 1:
            raise CommandError("--contacts, --requests and --rounds must be at least 1.")
        ensure_migrated()
        try:
            user = bench.bench_account(options["contacts"], announce=self.stderr.write)
        except ValueError as error:
            raise CommandError(str(error)) from None
        results = bench.run_benchmarks(user, requests=options["requests"], rounds=options["rounds"])
        computations = [
            bench.time_ranking(user),
            bench.time_robustness(),
            bench.time_caseload(),
            *bench.time_occupations(),
        ]
        if not options["skip_import"]:
            computations.append(bench.time_import())
        environment = bench.environment()
        if options["json"]:
            document = {
                "contacts": options["contacts"],
                "requests": options["requests"],
                "rounds": options["rounds"],
                "targets": {
                    "median_ms": bench.MEDIAN_TARGET_MS,
                    "times_trivial": bench.TRIVIAL_FACTOR_TARGET,
                },
                "environment": environment,
                "results": bench.results_as_dicts(results),
                "computations": [
                    {**asdict(item), "within_target": item.within_target} for item in computations
                ],
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(
                f"{options['contacts']:,} people; per page the best of {options['rounds']} rounds "
                f"of {options['requests']} timed requests; "
                f"target: median ≤ {bench.MEDIAN_TARGET_MS:.0f} ms and "
                f"≤ {bench.TRIVIAL_FACTOR_TARGET:.0f}x the trivial page.\n"
            )
            self.stdout.write(bench.format_table(results))
            self.stdout.write("\n" + bench.format_computations(computations))
            self.stdout.write("\n" + " · ".join(f"{k}: {v}" for k, v in environment.items()))
        if options["drop"]:
            user.delete()
        missed = [result.label for result in results if result.within_target is False]
        missed += [item.label for item in computations if not item.within_target]
        if missed and options["strict"]:
            raise CommandError("Over target: " + ", ".join(missed) + ".")
