{{/* Names, labels and the per-service settings every template shares. */}}

{{- define "ignis.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "ignis.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "ignis.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
The five services: values key, service id (as in config/launcher.yml), module (config file and
image name), port (config/<module>.yml server.port) and workload kind.
*/}}
{{- define "ignis.components" -}}
gateway: {id: gateway, module: gateway-service, port: 8080, kind: Deployment}
functionRegistry: {id: function-registry, module: function-registry-service, port: 8081, kind: Deployment}
invocation: {id: invocation, module: invocation-service, port: 8082, kind: StatefulSet}
asyncQueue: {id: async-queue, module: async-queue-service, port: 8083, kind: Deployment}
eventSource: {id: event-source, module: event-source-service, port: 8084, kind: Deployment}
{{- end -}}

{{- define "ignis.secretName" -}}
{{- default (printf "%s-secrets" (include "ignis.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "ignis.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "ignis.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "ignis.image" -}}
{{- $root := index . 0 -}}{{- $c := index . 1 -}}
{{- $repo := printf "%s-%s" $root.Values.image.repository $c.module -}}
{{- if $root.Values.image.registry -}}{{- $repo = printf "%s/%s" $root.Values.image.registry $repo -}}{{- end -}}
{{- printf "%s:%s" $repo (default $root.Chart.AppVersion $root.Values.image.tag) -}}
{{- end -}}

{{/* In-cluster base URL of a service, by id. */}}
{{- define "ignis.serviceUrl" -}}
{{- $root := index . 0 -}}{{- $c := index . 1 -}}
{{- printf "http://%s-%s.%s.svc:%v" (include "ignis.fullname" $root) $c.id $root.Release.Namespace $c.port -}}
{{- end -}}

{{- define "ignis.apiHost" -}}
{{- printf "lambda.%s" .Values.ingress.domain -}}
{{- end -}}

{{/*
The properties this release sets on every service, merged with values.config and the service's own
config (both win). Property names are config/'s; rendered as SPRING_APPLICATION_JSON.
*/}}
{{- define "ignis.properties" -}}
{{- $root := index . 0 -}}{{- $key := index . 1 -}}{{- $c := index . 2 -}}
{{- $v := $root.Values -}}
{{- $all := include "ignis.components" $root | fromYaml -}}
{{- $services := dict -}}
{{- range $k, $other := $all -}}{{- $_ := set $services $other.id (include "ignis.serviceUrl" (list $root $other)) -}}{{- end -}}
{{- $kafkaProps := dict "security.protocol" $v.kafka.securityProtocol -}}
{{- if hasPrefix "SASL" $v.kafka.securityProtocol -}}
{{- $_ := set $kafkaProps "sasl.mechanism" $v.kafka.sasl.mechanism -}}
{{- $_ := set $kafkaProps "sasl.jaas.config" "${IGNIS_KAFKA_SASL_JAAS_CONFIG}" -}}
{{- end -}}
{{- if $v.kafka.tls.caSecret -}}
{{- $_ := set $kafkaProps "ssl.truststore.type" "PEM" -}}
{{- $_ := set $kafkaProps "ssl.truststore.location" "/etc/ignis/kafka-tls/ca.crt" -}}
{{- end -}}
{{- $ignis := dict "home" "/var/lib/ignis" "region" $v.region "account-id" $v.accountId
      "kafka" (dict "bootstrap-servers" $v.kafka.bootstrapServers)
      "services" $services
      "secrets" (dict "environment-key-file" "/etc/ignis/secrets/env.key") -}}
{{- /* Every caller places functions on the same ring: all the invocation pods the StatefulSet may have. */ -}}
{{- $replicas := list -}}
{{- $count := int $v.invocation.replicas -}}
{{- if $v.invocation.autoscaling.enabled -}}{{- $count = int $v.invocation.autoscaling.maxReplicas -}}{{- end -}}
{{- range $i := until $count -}}
{{- $replicas = append $replicas (printf "http://%s-invocation-%d.%s-invocation-headless.%s.svc:8082" (include "ignis.fullname" $root) $i (include "ignis.fullname" $root) $root.Release.Namespace) -}}
{{- end -}}
{{- $_ := set $ignis "placement" (dict "invocation-replicas" $replicas) -}}
{{- $props := dict "ignis" $ignis
      "spring" (dict "kafka" (dict "properties" $kafkaProps)
                     "cloud" (dict "stream" (dict "kafka" (dict "binder" (dict "configuration" $kafkaProps))))) -}}
{{- if $v.logging.json -}}
{{- $_ := set $props "logging" (dict "structured" (dict "format" (dict "console" "ecs"))) -}}
{{- end -}}
{{- if eq $c.id "gateway" -}}
{{- $_ := set $ignis "gateway" (dict
      "auth" (dict "key-file" "/etc/ignis/secrets/access-keys")
      "function-urls" (dict "domain" $v.ingress.domain)) -}}
{{- else if eq $c.id "function-registry" -}}
{{- $store := dict "type" $v.codeStore.type -}}
{{- if eq $v.codeStore.type "s3" -}}
{{- $s3 := dict "bucket" $v.codeStore.s3.bucket "path-style-access" $v.codeStore.s3.pathStyleAccess -}}
{{- if $v.codeStore.s3.endpoint -}}{{- $_ := set $s3 "endpoint" $v.codeStore.s3.endpoint -}}{{- end -}}
{{- if $v.codeStore.s3.region -}}{{- $_ := set $s3 "region" $v.codeStore.s3.region -}}{{- end -}}
{{- if $v.codeStore.s3.existingSecret -}}
{{- $_ := set $s3 "access-key-id" "${IGNIS_S3_ACCESS_KEY_ID}" -}}
{{- $_ := set $s3 "secret-access-key" "${IGNIS_S3_SECRET_ACCESS_KEY}" -}}
{{- end -}}
{{- $_ := set $store "s3" $s3 -}}
{{- end -}}
{{- $_ := set $ignis "registry" (dict
      "code-store" $store
      "function-urls" (dict "scheme" (ternary "https" "http" (not (empty $v.ingress.tlsSecret))) "domain" $v.ingress.domain "port" (ternary 443 80 (not (empty $v.ingress.tlsSecret))))) -}}
{{- else if eq $c.id "invocation" -}}
{{- $_ := set $ignis "invocation" (dict "sandbox" (dict "type" $v.invocation.sandbox.type)) -}}
{{- end -}}
{{- $merged := mergeOverwrite $props (deepCopy $v.config) (deepCopy (index $v $key).config) -}}
{{- toJson $merged -}}
{{- end -}}

{{/* Rules values.schema.json cannot say: checked once, before anything renders. */}}
{{- define "ignis.validate" -}}
{{- $v := .Values -}}
{{- if and (hasPrefix "SASL" $v.kafka.securityProtocol) (not $v.kafka.sasl.existingSecret) -}}
{{- fail "kafka.securityProtocol SASL_* needs kafka.sasl.existingSecret (a Secret with key sasl.jaas.config)" -}}
{{- end -}}
{{- if and (eq $v.codeStore.type "s3") (not $v.codeStore.s3.bucket) -}}
{{- fail "codeStore.type s3 needs codeStore.s3.bucket" -}}
{{- end -}}
{{- if and (eq $v.codeStore.type "local") (gt (int $v.functionRegistry.replicas) 1) -}}
{{- fail "codeStore.type local keeps code on one ReadWriteOnce volume: functionRegistry.replicas must be 1 (use codeStore.type s3 for more)" -}}
{{- end -}}
{{- if and $v.invocation.autoscaling.enabled (lt (int $v.invocation.autoscaling.maxReplicas) (int $v.invocation.autoscaling.minReplicas)) -}}
{{- fail "invocation.autoscaling.maxReplicas must be at least minReplicas" -}}
{{- end -}}
{{- if and $v.gateway.autoscaling.enabled (lt (int $v.gateway.autoscaling.maxReplicas) (int $v.gateway.autoscaling.minReplicas)) -}}
{{- fail "gateway.autoscaling.maxReplicas must be at least minReplicas" -}}
{{- end -}}
{{- end -}}
