{{/* The prefix of every object's name: the release name, plus "-ocore" unless it already says ocore. */}}
{{- define "ocore.fullname" -}}
{{- if contains "ocore" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-ocore" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object; call with (dict "root" $ "component" "operator"). */}}
{{- define "ocore.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "ocore.selectorLabels" . }}
{{- end -}}

{{- define "ocore.selectorLabels" -}}
app.kubernetes.io/name: ocore
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The image of a component; call with (dict "root" $ "image" .Values.operator.image). */}}
{{- define "ocore.image" -}}
{{ .root.Values.image.registry }}/{{ .image.repository }}:{{ .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- end -}}

{{/* Restricted pod security: the pod's part. The images' "app" user is uid 1654. */}}
{{- define "ocore.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1654
runAsGroup: 1654
fsGroup: 1654
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Restricted pod security: each container's part. /tmp is an emptyDir. */}}
{{- define "ocore.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
{{- end -}}
