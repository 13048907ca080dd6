<?xml version="1.0"?>
<!DOCTYPE xsl:stylesheet [<!ENTITY secret SYSTEM "@SECRET_URI@">]>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<!-- Included by xslt-include-entity.xsl and imported by xslt-import-entity.xsl: an external entity in a
     stylesheet the user's stylesheet pulls in (libxslt would parse it substituting the entity). -->
<xsl:template name="leak">&secret;</xsl:template>
</xsl:stylesheet>
