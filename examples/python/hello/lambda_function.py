import json
import os


def lambda_handler(event, context):
    """Echoes the event back with a little of what the platform told the function about itself."""
    return {
        "message": "hello from Ignis",
        "event": event,
        "function": context.function_name,
        "version": context.function_version,
        "memoryLimitInMB": context.memory_limit_in_mb,
        "region": os.environ.get("AWS_REGION"),
        "remainingMillis": context.get_remaining_time_in_millis(),
    }
