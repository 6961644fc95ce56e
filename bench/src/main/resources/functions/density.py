import time


def handler(event, context):
    # Holds the environment busy, so that concurrent invokes each need their own.
    time.sleep(event.get("hold", 0))
    return {}
