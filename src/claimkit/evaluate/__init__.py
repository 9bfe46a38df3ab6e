"""Score claimkit against gold annotations: ``python -m claimkit evaluate``."""
