<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<!-- A user stylesheet that includes one declaring an external entity (issue 11). -->
<xsl:include href="xslt-included-entity.xsl"/>
<xsl:output method="text"/>
<xsl:template match="/">included: <xsl:call-template name="leak"/></xsl:template>
</xsl:stylesheet>
