"""Post-processors that link what the extractors found: sources and times.

This module is the innermost ``claimkit_process_claims`` implementation: it returns the
extractors' claims, for the wrappers around it to resolve, link and filter.
"""

from claimkit.hookspecs import hookimpl
from claimkit.types import Claim


@hookimpl(trylast=True)
def claimkit_process_claims(claims: list[Claim]) -> list[Claim]:
    return claims
